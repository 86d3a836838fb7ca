namespace ErpBridge.Bench;

/// <summary><c>load --url ...</c>: one load run, printed and optionally written as JSON.</summary>
internal sealed class LoadCommand(TimeProvider time)
{
    public async Task<int> RunAsync(ArgumentReader reader)
    {
        var settings = LoadSettings.Read(reader, reader.String("label", "load"), runs: 1);
        var orders = ShipmentOrders.Read(reader, settings.Operation);
        var jsonPath = reader.Optional("json");
        reader.RejectUnknown();

        using var signal = new ShutdownSignal(LoadSettings.MaxRunTime, time);
        if (orders is not null)
        {
            settings = await orders.ApplyAsync(settings, signal.Token);
        }

        var summary = await new LoadRunner(settings, time).RunAsync(signal.Token);
        SummaryPrinter.Print(summary, Console.Out);
        ReportStop(signal);
        await ReportFiles.WriteJsonAsync(jsonPath, summary, BenchJsonContext.Default.LoadSummary);
        return summary.Failed() ? ExitCodes.Failed : ExitCodes.Success;
    }

    public static void ReportStop(ShutdownSignal signal)
    {
        if (signal.Reason is { } reason)
        {
            Console.Error.WriteLine($"note: {reason}");
        }
    }
}
