using System.Reflection;
using System.Xml.Linq;
using ErpBridge.Core.Intake;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Soap.Contract;

/// <summary>The contract names every fault code the bridge sends, so that a client's developer finds them in the WSDL.</summary>
public sealed class FaultCodeListTests
{
    [Test]
    public void CommonSchema_CodeDocumentation_ListsEveryFaultCode()
    {
        XNamespace xs = "http://www.w3.org/2001/XMLSchema";
        var schema = XDocument.Load(Path.Combine(RepositoryFolders.Wsdl, "Common.xsd"));
        var code = schema.Descendants(xs + "element").Single(e => (string?)e.Attribute("name") == "ErpBridgeFault")
            .Descendants(xs + "element").Single(e => (string?)e.Attribute("name") == "Code");
        var listed = code.Descendants(xs + "documentation").Single().Value
            .Split([':', ',', '.'], StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.Ordinal);
        var codes = typeof(FaultCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToList();

        Assert.That(codes, Has.Member(FaultCodes.NoRoute));
        Assert.That(codes.Where(c => !listed.Contains(c)), Is.Empty);
    }
}
