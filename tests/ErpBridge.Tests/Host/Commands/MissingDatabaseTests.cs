using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Host.Commands;

/// <summary>
/// A command pointed at a database that does not exist says so and exits 3; it used to create an empty database and
/// report that there was nothing in it.
/// </summary>
[NonParallelizable]
public sealed class MissingDatabaseTests
{
    [TestCase("dead-letters")]
    [TestCase("orders", "--json")]
    [TestCase("status", "--message", "M-1")]
    [TestCase("resubmit", "--message", "M-1")]
    [TestCase("resubmit-order", "--order", "O-1")]
    [TestCase("reconcile")]
    [TestCase("reconciliation-report")]
    public async Task MissingDatabase_ExitsWith3_AndCreatesNothing(params string[] args)
    {
        using var folder = new TempFolder();
        var absent = Path.Combine(folder.Path, "absent");
        var path = Path.Combine(absent, "erpbridge.db");

        var run = await CommandRun.RunAsync(CommandRun.Database(path), args);

        Assert.That(run.Code, Is.EqualTo(3), run.Output + run.Error);
        Assert.That(run.Error, Does.StartWith($"{args[0]}: no database at '{path}'").And.Contain("nothing was created"));
        Assert.That(run.Output, Is.Empty);
        Assert.That(Directory.Exists(absent), Is.False, "neither the file nor its folder is created");
    }

    [Test]
    public async Task MissingDatabase_RelativePath_NamesTheFileItLookedForInTheInstallFolder()
    {
        // A relative path is the install folder's (the content root: here the tests' output folder), as the bridge
        // itself resolves it, whatever folder the command is run from.
        var relative = Path.Combine($"absent-{Guid.NewGuid():N}", "erpbridge.db");
        var expected = Path.GetFullPath(relative, AppContext.BaseDirectory);

        var run = await CommandRun.RunAsync(CommandRun.Database(relative), "dead-letters");

        Assert.That(run.Code, Is.EqualTo(3), run.Error);
        Assert.That(run.Error, Does.Contain($"no database at '{expected}'").And.Contain("install folder"));
        Assert.That(Directory.Exists(Path.GetDirectoryName(expected)), Is.False);
        Assert.That(Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(relative))), Is.False);
    }

    [Test]
    public async Task ExistingDatabase_IsRead()
    {
        using var folder = new TempFolder();
        var path = folder.File("erpbridge.db");
        await File.WriteAllBytesAsync(path, []);

        var run = await CommandRun.RunAsync(CommandRun.Database(path), "dead-letters");

        Assert.That(run.Code, Is.Zero, run.Error);
        Assert.That(run.Output, Does.Contain("No dead letters."));
        Assert.That(new FileInfo(path).Length, Is.GreaterThan(0), "the store's schema was applied to the existing file");
    }

    [Test]
    public async Task DryRun_NeedsNoDatabase_AndCreatesNone()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "absent", "erpbridge.db");
        var message = folder.File("message.xml");
        await File.WriteAllTextAsync(message, EndToEnd.DeliveryWorld.Stock("DRY-DB", TimeProvider.System.GetUtcNow(), ("SKU-1", 1)));

        var run = await CommandRun.RunAsync(CommandRun.Database(path), "dry-run", "--channel", "no-such-shop", "--file", message);

        Assert.That(run.Code, Is.EqualTo(1), run.Error);
        Assert.That(run.Error, Does.StartWith("dry-run: ").And.Contain("no-such-shop"));
        Assert.That(Directory.Exists(Path.GetDirectoryName(path)), Is.False);
    }
}
