using System.Diagnostics.Metrics;
using ErpBridge.Core.Metrics;

namespace ErpBridge.Host.OperatorConsole;

/// <summary>
/// What the overview counts over the last hour on this node: accepts per SOAP operation and the stores' 429 answers per
/// channel, heard from the bridge's own instruments (the same the /metrics endpoint exports), so that nothing on the
/// intake path records twice. Counts start with the process; on several nodes each node counts its own.
/// </summary>
public sealed class ConsoleActivity : IHostedService, IDisposable
{
    private readonly MeterListener listener = new();

    public ConsoleActivity(TimeProvider time)
    {
        Intake = new HourWindow(time);
        RateLimited = new HourWindow(time);
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == MetricNames.Meter && instrument.Name is MetricNames.SoapAccepts or MetricNames.StoreRateLimited)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>(OnMeasurement);
    }

    /// <summary>Accepted messages per operation (SubmitInventory, ...) in the last hour; duplicates and conflicts left out.</summary>
    public HourWindow Intake { get; }

    /// <summary>429 answers per channel in the last hour.</summary>
    public HourWindow RateLimited { get; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        listener.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => listener.Dispose();

    private void OnMeasurement(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument.Name == MetricNames.SoapAccepts)
        {
            if (Tag(tags, MetricNames.Tags.Outcome) == "Accepted" && Tag(tags, MetricNames.Tags.Operation) is { } operation)
            {
                Intake.Add(operation, value);
            }
        }
        else if (Tag(tags, MetricNames.Tags.Channel) is { } channel)
        {
            RateLimited.Add(channel, value);
        }
    }

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name)
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
