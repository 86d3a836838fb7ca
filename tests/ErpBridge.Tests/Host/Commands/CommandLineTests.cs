using ErpBridge.Host;

namespace ErpBridge.Tests.Host.Commands;

/// <summary>
/// The command line itself: usage errors are caught by the parser before any host or database is touched, exit 2
/// with the parser's message; help is on every command and lists its options and exit codes.
/// </summary>
public sealed class CommandLineTests
{
    [TestCase("--bogus", "dead-letters", "--bogus")]
    [TestCase("--verbose", "status", "--message", "M-1", "--verbose")]
    [TestCase("extra", "resubmit", "--message", "M-1", "extra")]
    [TestCase("--filtre", "maps-test", "--filtre", "shopify")]
    public async Task UnknownOptionOrArgument_ExitsWithUsage_AndTheParsersMessage(string unknown, params string[] args)
    {
        var run = await CommandRun.RunAsync(null, args);

        Assert.That(run.Code, Is.EqualTo(2), run.Error);
        Assert.That(run.Error, Does.StartWith($"{args[0]}: Unrecognized command or argument '{unknown}'."));
        Assert.That(run.Error, Does.Contain($"Run '{args[0]} --help'"));
        Assert.That(run.Output, Is.Empty);
    }

    [TestCase("status", "--message", "Required argument missing for option: '--message'.")]
    [TestCase("dead-letters", "--limit", "Required argument missing for option: '--limit'.")]
    [TestCase("dry-run", "--channel", "Required argument missing for option: '--channel'.")]
    public async Task MissingValue_ExitsWithUsage(string command, string option, string message)
    {
        var run = await CommandRun.RunAsync(null, command, option);

        Assert.That(run.Code, Is.EqualTo(2), run.Error);
        Assert.That(run.Error, Does.Contain(message));
    }

    [TestCase(new[] { "status" }, "Option '--message' is required.")]
    [TestCase(new[] { "dry-run", "--channel", "shop" }, "Option '--file' is required.")]
    [TestCase(new[] { "dry-run", "--channel", "shop", "--file", "no-such-message.xml" }, "dry-run: no file 'no-such-message.xml'.")]
    [TestCase(new[] { "dead-letters", "--limit", "0" }, "--limit takes a whole number of 1 or more, not '0'.")]
    [TestCase(new[] { "orders", "--limit", "many" }, "--limit takes a whole number of 1 or more, not 'many'.")]
    [TestCase(new[] { "orders", "--state", "3" }, "--state is one of Pending, Fetched, Pushing, Acknowledged, Failed, not '3'.")]
    [TestCase(new[] { "reconciliation-report", "--run", "newest" }, "--run takes a run id, not 'newest'.")]
    [TestCase(new[] { "resubmit", "--channel", "shop" }, "give --message ID (optionally --channel NAME), or --channel NAME --all.")]
    [TestCase(new[] { "resubmit-order", "--all" }, "give --order ID, or --channel NAME --all.")]
    public async Task MissingOrMalformedOption_ExitsWithUsage_AndSaysWhich(string[] args, string message)
    {
        var run = await CommandRun.RunAsync(null, args);

        Assert.That(run.Code, Is.EqualTo(2), run.Error);
        Assert.That(run.Error, Does.Contain(message));
    }

    [TestCase("hash-secret")]
    [TestCase("metrics-token")]
    [TestCase("dead-letters", "--channel", "--limit", "--json")]
    [TestCase("resubmit", "--message", "--channel", "--all")]
    [TestCase("status", "--message", "--json")]
    [TestCase("dry-run", "--channel", "--file", "--document-type", "--json")]
    [TestCase("maps-test", "--filter", "--folder", "--json")]
    [TestCase("orders", "--channel", "--state", "--limit", "--json")]
    [TestCase("resubmit-order", "--order", "--channel", "--all")]
    [TestCase("reconcile", "--channel", "--json")]
    [TestCase("reconciliation-report", "--run", "--channel", "--class", "--csv", "--json")]
    public async Task Help_OnEveryCommand_ListsItsOptionsAndExitCodes(string command, params string[] options)
    {
        var run = await CommandRun.RunAsync(null, command, "--help");

        Assert.That(run.Code, Is.Zero, run.Error);
        Assert.That(run.Output, Does.Contain($"{command} [options]"));
        Assert.That(run.Output, Does.Contain("Exit codes: 0 "));
        foreach (var option in options)
        {
            Assert.That(run.Output, Does.Contain($"  {option}"), option);
        }
    }

    [Test]
    public void Help_CoversEveryCommand()
    {
        Assert.That(OperatorCommands.Names, Is.EquivalentTo(new[]
        {
            "hash-secret", "metrics-token", "dead-letters", "resubmit", "status", "channels", "dry-run", "maps-test", "orders", "resubmit-order", "reconcile", "reconciliation-report",
        }));
    }

    [TestCase("--help")]
    [TestCase("-h")]
    [TestCase("help")]
    public async Task RootHelp_ListsEveryCommand_AndTheExitCodeTable(string word)
    {
        var run = await CommandRun.RunAsync(null, word);

        Assert.That(run.Code, Is.Zero, run.Error);
        foreach (var name in OperatorCommands.Names)
        {
            Assert.That(run.Output, Does.Contain($"  {name} "), name);
        }

        Assert.That(run.Output, Does.Contain("Exit codes:").And.Contain("  2  bad usage").And.Contain("  3  the configured SQLite database does not exist"));
    }

    [Test]
    public async Task HelpWord_BeforeACommand_ShowsThatCommandsHelp()
    {
        var run = await CommandRun.RunAsync(null, "help", "orders");

        Assert.That(run.Code, Is.Zero, run.Error);
        Assert.That(run.Output, Does.Contain("orders [options]").And.Contain("--state"));
    }

    [Test]
    public async Task ValueStartingWithAt_IsAValue_NotAResponseFile()
    {
        var run = await CommandRun.RunAsync(null, "maps-test", "--folder", "@no-such-folder");

        Assert.That(run.Code, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("maps-test: no folder '@no-such-folder'."));
    }

    [Test]
    public async Task UnknownCommand_ExitsWithUsage()
    {
        var run = await CommandRun.RunAsync(null, "dead-letter");

        Assert.That(run.Code, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("'dead-letter'"));
    }

    [TestCase(new string[0], false)]
    [TestCase(new[] { "--urls", "http://127.0.0.1:5000" }, false)]
    [TestCase(new[] { "--ErpBridge:Storage:ConnectionString=Data Source=x.db" }, false)]
    [TestCase(new[] { "--environment", "Development", "orders" }, false)]
    [TestCase(new[] { "orders" }, true)]
    [TestCase(new[] { "hash-secret" }, true)]
    [TestCase(new[] { "help" }, true)]
    [TestCase(new[] { "--help" }, true)]
    public void OnlyARecognisedFirstWord_IsACommand_TheRestRunsTheBridge(string[] args, bool command)
    {
        Assert.That(OperatorCommands.IsCommand(args), Is.EqualTo(command));
    }

    [Test]
    public async Task HashSecret_ReadsStandardInput()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await OperatorCommands.RunAsync(["hash-secret"], new StringReader("s3cret\n"), output, error);
        var empty = await OperatorCommands.RunAsync(["hash-secret"], new StringReader(""), TextWriter.Null, error);

        Assert.That(code, Is.Zero, error.ToString());
        Assert.That(ErpBridge.Core.Security.SecretHash.Verify("s3cret", output.ToString().Trim()), Is.True);
        Assert.That(empty, Is.EqualTo(2));
        Assert.That(error.ToString(), Does.Contain("give the password on standard input"));
    }
}
