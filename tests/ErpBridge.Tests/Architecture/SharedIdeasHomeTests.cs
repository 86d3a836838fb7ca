using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Architecture;

/// <summary>
/// Every shared idea has one home, and the projects depend on each other in one direction: Core ← Mapping ←
/// Connectors ← Delivery, Orders, Reconciliation. Checked on the compiled assemblies (what the code uses) and on the
/// project files (what a project may start to use).
/// </summary>
public sealed class SharedIdeasHomeTests
{
    private static readonly string[] Platforms = ["Shopify", "BigCommerce", "WooCommerce", "Woo", "Magento"];

    [Test]
    public void Core_ReferencesOnlyTheFramework()
    {
        var references = ReferencedAssemblies(typeof(ErpBridge.Core.Intake.IntakeService).Assembly);

        Assert.That(references.Where(r => !r.StartsWith("System", StringComparison.Ordinal) && r != "netstandard"), Is.Empty);
        Assert.That(ProjectFile("ErpBridge.Core").Descendants().Where(e => e.Name.LocalName is "ProjectReference" or "PackageReference"), Is.Empty);
    }

    [Test]
    public void Mapping_ReferencesOnlyCore()
    {
        Assert.That(ProjectsReferencedBy(typeof(ErpBridge.Mapping.Maps.XsltMapEngine).Assembly), Is.SubsetOf(new[] { "ErpBridge.Core" }));
        Assert.That(ProjectReferences("ErpBridge.Mapping"), Is.EquivalentTo(new[] { "ErpBridge.Core" }));
    }

    [Test]
    public void Connectors_ReferenceOnlyCoreAndMapping()
    {
        Assert.That(ProjectsReferencedBy(typeof(ErpBridge.Connectors.ConnectorRegistry).Assembly), Is.SubsetOf(new[] { "ErpBridge.Core", "ErpBridge.Mapping" }));
        Assert.That(ProjectReferences("ErpBridge.Connectors"), Is.SubsetOf(new[] { "ErpBridge.Core", "ErpBridge.Mapping" }));
    }

    [TestCase("ErpBridge.Orders")]
    [TestCase("ErpBridge.Reconciliation")]
    public void OrdersAndReconciliation_DoNotReferenceDelivery(string project)
    {
        Assert.That(ProjectsReferencedBy(Assembly.Load(project)), Has.None.EqualTo("ErpBridge.Delivery"));
        Assert.That(ProjectReferences(project), Has.None.EqualTo("ErpBridge.Delivery"));
    }

    [Test]
    public void Delivery_UsesNoPlatformSpecificType()
    {
        var assembly = typeof(ErpBridge.Delivery.DeliveryPipeline).Assembly;
        using var file = File.OpenRead(assembly.Location);
        using var pe = new PEReader(file);
        var metadata = pe.GetMetadataReader();
        var used = metadata.TypeReferences
            .Select(h => metadata.GetTypeReference(h))
            .Select(t => $"{metadata.GetString(t.Namespace)}.{metadata.GetString(t.Name)}")
            .ToList();
        Assert.That(used, Has.Some.StartsWith("ErpBridge.Connectors."), "the check reads the type references it means to");

        Assert.That(used.Where(t => t.StartsWith("ErpBridge.Connectors.", StringComparison.Ordinal) && t.Count(c => c == '.') > 2), Is.Empty, "types of a platform folder");
        Assert.That(assembly.GetTypes().Select(t => t.FullName!).Where(n => Platforms.Any(p => n.Contains(p, StringComparison.Ordinal))), Is.Empty);
    }

    [TestCase("Registry", "ErpBridge.Connectors")]
    [TestCase("IMessageMaps", "ErpBridge.Mapping")]
    [TestCase("MessageMaps", "ErpBridge.Mapping")]
    [TestCase("MapParameters", "ErpBridge.Mapping")]
    [TestCase("CanonicalMessage", "ErpBridge.Core")]
    [TestCase("BackoffPolicy", "ErpBridge.Core")]
    [TestCase("RetryDecision", "ErpBridge.Core")]
    [TestCase("XmlNamespaces", "ErpBridge.Core")]
    public void SharedIdea_IsDefinedOnlyInItsHome(string nameEnd, string home)
    {
        var found = ProductAssemblies()
            .SelectMany(a => a.GetTypes().Where(t => !t.IsNested && t.Name.EndsWith(nameEnd, StringComparison.Ordinal)).Select(t => (Assembly: a.GetName().Name, Type: t.FullName)))
            .ToList();

        Assert.That(found, Is.Not.Empty, $"a type ending in {nameEnd} exists");
        Assert.That(found.Where(f => f.Assembly != home), Is.Empty);
    }

    /// <summary>The product's assemblies in the test output (not the tests, not the benchmark).</summary>
    private static IEnumerable<Assembly> ProductAssemblies() =>
        Directory.EnumerateFiles(AppContext.BaseDirectory, "ErpBridge.*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(n => n is not ("ErpBridge.Tests" or "ErpBridge.Bench"))
            .Select(n => Assembly.Load(n!));

    private static List<string> ReferencedAssemblies(Assembly assembly) => assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

    private static List<string> ProjectsReferencedBy(Assembly assembly) =>
        ReferencedAssemblies(assembly).Where(r => r.StartsWith("ErpBridge.", StringComparison.Ordinal)).ToList();

    private static XDocument ProjectFile(string project) => XDocument.Load(Path.Combine(RepositoryFolders.Root, "src", project, project + ".csproj"));

    private static List<string> ProjectReferences(string project) =>
        ProjectFile(project).Descendants().Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(((string?)e.Attribute("Include"))!.Replace('\\', '/')))
            .ToList();
}
