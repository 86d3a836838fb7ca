using ErpBridge.Host;
using Serilog;

namespace ErpBridge.Tests.Host.Commands;

/// <summary>An operator command's own log events go to standard error, so that its --json document is all there is on standard output.</summary>
[NonParallelizable]
public sealed class CommandLoggingTests
{
    [TestCase(true)]
    [TestCase(false)]
    public void ConsoleEvents_GoToStandardError_ForOperatorCommandsOnly(bool operatorCommand)
    {
        var (standardOutput, standardError) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            using var logger = SerilogSetup.Configure(new LoggerConfiguration(), new LoggingOptions { File = "" }, consoleToStandardError: operatorCommand).CreateLogger();
            logger.Warning("store {Channel} unreachable", "shop");
        }
        finally
        {
            Console.SetOut(standardOutput);
            Console.SetError(standardError);
        }

        Assert.That((operatorCommand ? error : output).ToString(), Does.Contain("unreachable"));
        Assert.That((operatorCommand ? output : error).ToString(), Is.Empty);
    }
}
