using System.Xml.Linq;
using ErpBridge.Mapping.Maps;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Mapping;

/// <summary>
/// No shipped map has a named template that reaches itself through call-template: such recursion over text costs
/// quadratic time and a stack frame per step, and a stack overflow ends the process. Map functions do that work.
/// </summary>
public sealed class MapRecursionTests
{
    private static readonly XNamespace Xsl = "http://www.w3.org/1999/XSL/Transform";

    public static IEnumerable<TestCaseData> ShippedMaps() =>
        Directory.EnumerateFiles(RepositoryFolders.Xslt, "*" + MapName.Extension, SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(path).SetName($"ShippedMaps_HaveNoRecursiveTemplates {MapName.FromFilePath(RepositoryFolders.Xslt, path)}"));

    [TestCaseSource(nameof(ShippedMaps))]
    public void ShippedMaps_HaveNoRecursiveTemplates(string path) =>
        Assert.That(RecursiveTemplates(XDocument.Load(path)), Is.Empty, "templates that call themselves, directly or through others");

    [Test]
    public void RecursiveTemplates_FindsDirectAndIndirectRecursion()
    {
        var stylesheet = XDocument.Parse("""
            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
              <xsl:template match="/"><xsl:call-template name="a"/><xsl:call-template name="self"/></xsl:template>
              <xsl:template name="a"><xsl:if test="1"><xsl:call-template name="b"/></xsl:if></xsl:template>
              <xsl:template name="b"><xsl:call-template name="a"/><xsl:call-template name="leaf"/></xsl:template>
              <xsl:template name="self"><xsl:call-template name="self"/></xsl:template>
              <xsl:template name="leaf"/>
            </xsl:stylesheet>
            """);

        Assert.That(RecursiveTemplates(stylesheet), Is.EquivalentTo(new[] { "a", "b", "self" }));
    }

    private static List<string> RecursiveTemplates(XDocument stylesheet)
    {
        var calls = stylesheet.Root!.Elements(Xsl + "template")
            .Where(t => t.Attribute("name") is not null)
            .ToDictionary(
                t => (string)t.Attribute("name")!,
                t => t.Descendants(Xsl + "call-template").Select(c => (string)c.Attribute("name")!).ToHashSet(StringComparer.Ordinal),
                StringComparer.Ordinal);
        return calls.Keys.Where(name => Reaches(calls, name, name)).Order(StringComparer.Ordinal).ToList();
    }

    private static bool Reaches(Dictionary<string, HashSet<string>> calls, string from, string target)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(calls.GetValueOrDefault(from) ?? []);
        while (pending.TryPop(out var name))
        {
            if (name == target)
            {
                return true;
            }

            if (seen.Add(name))
            {
                foreach (var next in calls.GetValueOrDefault(name) ?? [])
                {
                    pending.Push(next);
                }
            }
        }

        return false;
    }
}
