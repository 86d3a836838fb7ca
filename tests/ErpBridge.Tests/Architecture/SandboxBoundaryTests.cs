using System.Diagnostics;
using System.Text.Json;

namespace ErpBridge.Tests.Architecture;

/// <summary>
/// The platform sandboxes are test and demo infrastructure: a Release host neither references their project nor
/// compiles the code that starts them, and no other product project knows them. Read from the project files as MSBuild
/// evaluates them (with their conditions), which takes seconds where a publish would take minutes.
/// </summary>
public sealed class SandboxBoundaryTests
{
    private static readonly string Root = FindRoot();

    [Test]
    public async Task HostReleaseBuild_ReferencesNoSandboxProjectAndCompilesNoSandboxCode()
    {
        var (references, compiled) = await EvaluateHostAsync("Release");

        Assert.That(references, Is.Not.Empty, "the evaluation lists the host's project references");
        Assert.That(references, Has.None.Contains("Sandboxes"));
        Assert.That(compiled, Has.Some.EndsWith("BridgeHost.cs"), "the evaluation lists the host's sources");
        Assert.That(compiled, Has.None.Contains("Sandbox").And.None.StartsWith("Development"));
    }

    [Test]
    public async Task HostDebugBuild_StartsTheSandboxesInDevelopment()
    {
        // The counterpart of the Release check, so that a condition spelt wrong cannot make both pass by accident.
        var (references, compiled) = await EvaluateHostAsync("Debug");

        Assert.That(references, Has.One.EndsWith("sandboxes/ErpBridge.Sandboxes/ErpBridge.Sandboxes.csproj"));
        Assert.That(compiled, Has.Some.EqualTo("Development/DevelopmentSandboxes.cs"));
    }

    [Test]
    public void ProductProjects_ExceptTheHost_DoNotMentionTheSandboxes()
    {
        var projects = Directory.GetFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => Path.GetFileName(p) != "ErpBridge.Host.csproj")
            .ToList();

        Assert.That(projects, Is.Not.Empty);
        Assert.That(projects.Where(p => File.ReadAllText(p).Contains("Sandboxes", StringComparison.OrdinalIgnoreCase)).Select(Path.GetFileName), Is.Empty);
        Assert.That(Directory.Exists(Path.Combine(Root, "src", "ErpBridge.Sandboxes")), Is.False, "the sandboxes live outside src/");
    }

    private static async Task<(List<string> References, List<string> Compiled)> EvaluateHostAsync(string configuration)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "msbuild", "src/ErpBridge.Host/ErpBridge.Host.csproj", $"-p:Configuration={configuration}", "-getItem:ProjectReference", "-getItem:Compile", "-nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.That(process.ExitCode, Is.Zero, await error);

        using var json = JsonDocument.Parse(await output);
        var items = json.RootElement.GetProperty("Items");
        return (Identities(items, "ProjectReference"), Identities(items, "Compile"));
    }

    private static List<string> Identities(JsonElement items, string type) =>
        items.TryGetProperty(type, out var list)
            ? list.EnumerateArray().Select(i => i.GetProperty("Identity").GetString()!.Replace('\\', '/')).ToList()
            : [];

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
