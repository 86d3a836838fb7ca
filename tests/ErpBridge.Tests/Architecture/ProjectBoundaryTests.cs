using System.Reflection;

namespace ErpBridge.Tests.Architecture;

/// <summary>The core holds the domain and the ports; I/O lives in the projects around it.</summary>
public sealed class ProjectBoundaryTests
{
    [Test]
    public void Core_ReferencesNoIoOrFrameworkPackages()
    {
        var references = typeof(ErpBridge.Core.Intake.IntakeService).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var forbidden = new[] { "Dapper", "Microsoft.Data", "SoapCore", "System.ServiceModel", "Microsoft.AspNetCore", "Serilog", "Quartz", "System.Net.Http" };
        Assert.That(references.Where(r => forbidden.Any(f => r.StartsWith(f, StringComparison.Ordinal))), Is.Empty);
    }

    [Test]
    public void Storage_DoesNotKnowSoap()
    {
        var references = typeof(ErpBridge.Storage.SqlMessageStore).Assembly.GetReferencedAssemblies().Select(a => a.Name!);
        Assert.That(references, Has.None.StartsWith("SoapCore").And.None.StartsWith("ErpBridge.Soap"));
    }

    [Test]
    public void Soap_DoesNotKnowStorage()
    {
        var references = typeof(ErpBridge.Soap.EnvelopeGate).Assembly.GetReferencedAssemblies().Select(a => a.Name!);
        Assert.That(references, Has.None.StartsWith("Dapper").And.None.StartsWith("ErpBridge.Storage").And.None.StartsWith("Microsoft.Data"));
    }

    [Test]
    public void Orders_KnowNeitherSoapNorStorage()
    {
        var references = typeof(ErpBridge.Orders.OrderPoller).Assembly.GetReferencedAssemblies().Select(a => a.Name!);
        Assert.That(references, Has.None.StartsWith("ErpBridge.Soap").And.None.StartsWith("ErpBridge.Storage").And.None.StartsWith("Dapper"));
    }

    [Test]
    public void Tests_LoadTheRealAssemblies()
    {
        Assert.That(Assembly.Load("ErpBridge.Host").GetName().Name, Is.EqualTo("ErpBridge.Host"));
    }
}
