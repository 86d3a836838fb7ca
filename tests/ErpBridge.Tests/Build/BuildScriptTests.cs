using System.Management.Automation.Language;
using System.Text.RegularExpressions;

namespace ErpBridge.Tests.Build;

/// <summary>build.ps1 and .ci/run: the script parses, offers its targets, and CI runs the documented test command.</summary>
[TestFixture]
public sealed class BuildScriptTests
{
    /// <summary>The test command the README documents; CI and build.ps1 Test run exactly this.</summary>
    private const string TestCommand = "dotnet test ErpBridge.sln";

    private static readonly string Root = FindRoot();

    [Test]
    public void ParseFile_BuildScript_HasNoErrors()
    {
        Parser.ParseFile(Path.Combine(Root, "build.ps1"), out _, out var errors);

        Assert.That(errors.Select(e => $"{e.Extent.StartLineNumber}: {e.Message}"), Is.Empty);
    }

    [Test]
    public void ParseFile_WindowsServiceScript_HasNoErrors()
    {
        Parser.ParseFile(Path.Combine(Root, "deploy", "install-windows-service.ps1"), out _, out var errors);

        Assert.That(errors.Select(e => $"{e.Extent.StartLineNumber}: {e.Message}"), Is.Empty);
    }

    [Test]
    public void SystemdUnit_IsNotifyTypeWithSecretsFromAnEnvironmentFile()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "deploy", "erpbridge.service")).Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#').ToList();

        Assert.That(lines, Has.Member("Type=notify").And.Member("Environment=ASPNETCORE_ENVIRONMENT=Production").And.Member("EnvironmentFile=/etc/erpbridge/erpbridge.env"));
        Assert.That(lines, Has.Some.StartsWith("User=").And.None.EqualTo("User=root"));
        Assert.That(lines, Has.None.Contains("AccessToken").And.None.Contains("Password"), "no secret in the unit");
    }

    [Test]
    public void TargetParameter_ValidateSet_ContainsBuildTestRunBenchPublish()
    {
        var script = Parser.ParseFile(Path.Combine(Root, "build.ps1"), out _, out _);
        var target = script.ParamBlock?.Parameters.SingleOrDefault(p => p.Name.VariablePath.UserPath == "Target");
        var validateSet = target?.Attributes.OfType<AttributeAst>().SingleOrDefault(a => a.TypeName.Name == "ValidateSet");
        var values = validateSet?.PositionalArguments.OfType<StringConstantExpressionAst>().Select(s => s.Value).ToList() ?? [];

        Assert.That(values, Is.SupersetOf(new[] { "Build", "Test", "Run", "Bench", "Publish" }));
    }

    [Test]
    public void ScenarioParameter_ValidateSet_IsWhatTheUsageLineOffers()
    {
        var path = Path.Combine(Root, "build.ps1");
        var script = Parser.ParseFile(path, out _, out _);
        var scenario = script.ParamBlock?.Parameters.SingleOrDefault(p => p.Name.VariablePath.UserPath == "Scenario");
        var validateSet = scenario?.Attributes.OfType<AttributeAst>().SingleOrDefault(a => a.TypeName.Name == "ValidateSet");
        var values = validateSet?.PositionalArguments.OfType<StringConstantExpressionAst>().Select(s => s.Value).ToList() ?? [];
        var usage = Regex.Match(File.ReadLines(path).First(), @"-Scenario (?<names>[\w|]+)\]").Groups["names"].Value.Split('|');

        Assert.That(values, Is.SupersetOf(new[] { "Intake", "Delivery", "RateLimit", "Xslt", "Reconcile", "Kill" }));
        Assert.That(usage, Is.EquivalentTo(values), "the usage line names every scenario");
    }

    [Test]
    public void TestTarget_Command_IsTheDocumentedTestCommand()
    {
        var script = Parser.ParseFile(Path.Combine(Root, "build.ps1"), out _, out _);
        var commands = script.FindAll(a => a is CommandAst, searchNestedScriptBlocks: true)
            .Select(a => string.Join(' ', ((CommandAst)a).CommandElements.Take(3).Select(e => e.Extent.Text)));

        Assert.That(commands, Has.Member(TestCommand));
    }

    [Test]
    public void CiScript_TestCommand_IsTheDocumentedTestCommand()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, ".ci", "run")).Select(l => l.Trim());

        Assert.That(lines, Has.Some.Match("^" + Regex.Escape(TestCommand) + "( |$)"));
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ErpBridge.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no ErpBridge.sln above {AppContext.BaseDirectory}");
    }
}
