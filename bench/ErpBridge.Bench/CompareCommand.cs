namespace ErpBridge.Bench;

/// <summary>
/// <c>compare --url ...</c>: load the bridge, then a ceiling child process with the same settings,
/// and report the bridge as a percentage of the ceiling.
/// </summary>
internal sealed class CompareCommand(TimeProvider time)
{
    public async Task<int> RunAsync(ArgumentReader reader)
    {
        var bridge = LoadSettings.Read(reader, "bridge", runs: 2);
        var orders = ShipmentOrders.Read(reader, bridge.Operation);
        var ceilingPort = reader.Int("ceiling-port", 5099, 1, 65535);
        var jsonPath = reader.Optional("json");
        var markdownPath = reader.Optional("markdown");
        reader.RejectUnknown();
        if (bridge.Url.Port == ceilingPort)
        {
            throw new UsageException($"--ceiling-port {ceilingPort} is the port of --url; pick a free port for the ceiling");
        }

        using var signal = new ShutdownSignal(LoadSettings.MaxRunTime, time);
        if (orders is not null)
        {
            bridge = await orders.ApplyAsync(bridge, signal.Token);
        }

        // The ceiling gets the same requests (shipments of the same orders), so the two runs move the same bytes.
        var ceiling = bridge with { Url = LoopbackUrl.ForCeiling(ceilingPort), OtherNodes = [], Label = "ceiling" };
        var bridgeSummary = await new LoadRunner(bridge, time).RunAsync(signal.Token);
        SummaryPrinter.Print(bridgeSummary, Console.Out);
        var ceilingSummary = signal.Token.IsCancellationRequested ? null : await RunCeilingAsync(ceiling, ceilingPort, signal.Token);
        if (ceilingSummary is not null)
        {
            SummaryPrinter.Print(ceilingSummary, Console.Out);
        }

        LoadCommand.ReportStop(signal);
        return ceilingSummary is null ? ExitCodes.Failed : await ReportAsync(bridgeSummary, ceilingSummary, jsonPath, markdownPath);
    }

    private async Task<int> ReportAsync(LoadSummary bridgeSummary, LoadSummary ceilingSummary, string? jsonPath, string? markdownPath)
    {
        var report = CompareReport.Create(bridgeSummary, ceilingSummary, time);
        SummaryPrinter.PrintRatio(report, Console.Out);
        await ReportFiles.WriteJsonAsync(jsonPath, report, BenchJsonContext.Default.CompareReport);
        await ReportFiles.WriteMarkdownAsync(markdownPath, report);
        return bridgeSummary.Failed() ? ExitCodes.Failed : ExitCodes.Success;
    }

    /// <summary>Starts the ceiling child, loads it, and always kills it again; null when it never came up or the run was stopped.</summary>
    private async Task<LoadSummary?> RunCeilingAsync(LoadSettings ceiling, int port, CancellationToken cancellationToken)
    {
        try
        {
            return await LoadCeilingAsync(ceiling, port, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task<LoadSummary?> LoadCeilingAsync(LoadSettings ceiling, int port, CancellationToken cancellationToken)
    {
        if (await CeilingReadiness.IsTakenAsync(ceiling.Url, cancellationToken))
        {
            Console.Error.WriteLine($"error: something already answers on {ceiling.Url}; pick another --ceiling-port");
            return null;
        }

        using var process = CeilingProcess.Start(port);
        try
        {
            if (!await new CeilingReadiness(time).WaitAsync(process, ceiling.Url, cancellationToken))
            {
                Console.Error.WriteLine($"error: the ceiling process (pid {process.Id}) did not answer on {ceiling.Url} within 15 s");
                return null;
            }

            return await new LoadRunner(ceiling, time).RunAsync(cancellationToken);
        }
        finally
        {
            await process.StopAsync();
        }
    }
}
