using System.CommandLine;
using ErpBridge.Host.Monitoring;

namespace ErpBridge.Host.Commands;

/// <summary><c>metrics-token</c>: makes a random metrics token and prints it with the hash to configure. Exit code: 0 printed.</summary>
public static class MetricsTokenCommand
{
    public static Command Create(CommandContext context)
    {
        var command = new Command("metrics-token", """
            Make a random metrics token for /metrics and /status/*, and print it with its hash.

            The hash goes into ErpBridge:Monitoring:TokenHashes (e.g. ErpBridge__Monitoring__TokenHashes__0);
            the token goes to the scraper (Prometheus: authorization credentials). The bridge keeps no token.
              dotnet run --project src/ErpBridge.Host -- metrics-token

            Exit codes: 0 printed.
            """);
        command.SetAction(_ => Run(context.Output));
        return command;
    }

    public static int Run(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var token = MetricsToken.Create();
        output.WriteLine($"token: {token}");
        output.WriteLine($"hash:  {MetricsToken.Hash(token)}");
        return ExitCodes.Done;
    }
}
