namespace ErpBridge.Bench;

/// <summary>Entry point: dispatches to the subcommands (see Usage).</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (Usage.IsHelpRequest(args))
        {
            Usage.Print(Console.Out);
            return ExitCodes.Success;
        }

        if (args.Length == 0)
        {
            Usage.Print(Console.Error);
            return ExitCodes.BadArguments;
        }

        try
        {
            return await DispatchAsync(args[0], ArgumentReader.Parse(args[1..]));
        }
        catch (UsageException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            Console.Error.WriteLine("run with --help for usage");
            return ExitCodes.BadArguments;
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Failed;
        }
    }

    private static Task<int> DispatchAsync(string command, ArgumentReader reader) => command switch
    {
        "ceiling" => CeilingCommand.RunAsync(reader),
        "load" => new LoadCommand(TimeProvider.System).RunAsync(reader),
        "compare" => new CompareCommand(TimeProvider.System).RunAsync(reader),
        "delivery" => new DeliveryCommand(TimeProvider.System).RunAsync(reader),
        "ratelimit" => new RateLimitCommand(TimeProvider.System).RunAsync(reader),
        "xslt" => XsltCommand.RunAsync(reader),
        "reconcile" => new ReconcileCommand().RunAsync(reader),
        "kill" => KillCommand.RunAsync(reader),
        _ => throw new UsageException($"unknown command '{command}'"),
    };
}
