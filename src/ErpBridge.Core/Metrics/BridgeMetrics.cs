using System.Diagnostics.Metrics;
using ErpBridge.Core.Intake;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Status;
using static ErpBridge.Core.Metrics.MetricNames;

namespace ErpBridge.Core.Metrics;

/// <summary>
/// The bridge's instruments on one <see cref="Meter"/> (<see cref="MetricNames.Meter"/>), made through
/// <see cref="IMeterFactory"/> so that the host's exporter and tests' listeners see them. Recording is a counter add or
/// a histogram record with at most three tags (a <see cref="TagList"/> on the stack): nothing allocates on the intake path.
/// </summary>
public sealed class BridgeMetrics
{
    // The SOAP operation of each message type, made once: a concatenation per accept would allocate.
    private static readonly string[] Operations = Enum.GetValues<MessageType>().Select(t => t == MessageType.Document ? "SubmitDocument" : "Submit" + t).ToArray();

    private readonly Counter<long> accepts;
    private readonly Counter<long> faults;
    private readonly Counter<long> deliveryOutcomes;
    private readonly Histogram<double> storeCalls;
    private readonly Counter<long> rateLimited;
    private readonly Counter<long> erpPushes;
    private readonly Counter<long> findings;
    private readonly Histogram<double> maps;
    private readonly Meter meter;

    /// <param name="gauges">The per-channel gauges' source; without one the gauges report nothing.</param>
    public BridgeMetrics(IMeterFactory meters, IChannelGauges? gauges = null)
    {
        ArgumentNullException.ThrowIfNull(meters);
        meter = meters.Create(MetricNames.Meter);
        accepts = meter.CreateCounter<long>(SoapAccepts, Units.Message, "SOAP intake requests answered with a receipt (Accepted, Duplicate) or refused as a MessageId conflict, by operation and outcome.");
        faults = meter.CreateCounter<long>(SoapFaults, Units.Fault, "SOAP faults sent, by fault code.");
        deliveryOutcomes = meter.CreateCounter<long>(DeliveryOutcomes, Units.Delivery, "Delivery outcomes recorded (Delivered, RetryScheduled, Failed = dead letter, Superseded), by channel and platform.");
        storeCalls = meter.CreateHistogram(
            StoreCallDuration,
            Units.Seconds,
            "HTTP calls to the stores (answered, refused or timed out), by channel and platform.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        rateLimited = meter.CreateCounter<long>(StoreRateLimited, Units.Response, "Rate-limit refusals from the stores (HTTP 429, and Shopify's THROTTLED), by channel and platform.");
        erpPushes = meter.CreateCounter<long>(ErpPushes, Units.Push, "Orders pushed to an ERP receiver, by endpoint and outcome (Accepted, Retry, Failed).");
        findings = meter.CreateCounter<long>(ReconciliationFindings, Units.Finding, "Findings of completed reconciliation runs, by channel and class.");
        maps = meter.CreateHistogram(
            MapDuration,
            Units.Seconds,
            "XSLT transforms, by map.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5] });
        if (gauges is not null)
        {
            meter.CreateObservableGauge(DeliveryBacklog, () => Each(gauges, r => r.Backlog), Units.Delivery, "Deliveries waiting (Pending, InProgress, RetryScheduled), by channel.");
            meter.CreateObservableGauge(DeliveryOldestPendingAge, () => Each(gauges, r => r.OldestPendingAge.TotalSeconds), Units.Seconds, "How long the longest-waiting due delivery has been due, by channel.");
            meter.CreateObservableGauge(DeliveryDeliveredLastHour, () => Each(gauges, r => r.DeliveredLastHour), Units.Delivery, "Deliveries that reached Delivered in the last hour, by channel.");
            meter.CreateObservableGauge(
                OrderPollLag,
                () => gauges.Read().Where(r => r.PollLag is not null).Select(r => new Measurement<double>(r.PollLag!.Value.TotalSeconds, new KeyValuePair<string, object?>(Tags.Channel, r.Channel))),
                Units.Seconds,
                "Since the channel's orders were last polled successfully, by channel.");
        }
    }

    public void Accepted(MessageType type, AcceptOutcome outcome) =>
        accepts.Add(1, new KeyValuePair<string, object?>(Tags.Operation, Operations[(int)type]), new KeyValuePair<string, object?>(Tags.Outcome, Name(outcome)));

    public void Fault(string code) => faults.Add(1, new KeyValuePair<string, object?>(Tags.Code, code));

    public void Delivered(string channel, string platform, DeliveryStatus outcome, int count) =>
        deliveryOutcomes.Add(count, Channel(channel), Platform(platform), new KeyValuePair<string, object?>(Tags.Outcome, outcome.ToString()));

    /// <summary>One HTTP call to a store: its time, and a 429 counted apart.</summary>
    public void StoreCall(string channel, string platform, TimeSpan elapsed, int? status)
    {
        storeCalls.Record(elapsed.TotalSeconds, Channel(channel), Platform(platform));
        if (status == 429)
        {
            RateLimited(channel, platform);
        }
    }

    /// <summary>A store refused a call for its rate limit in an answer that is not a 429 (Shopify's THROTTLED in a 200).</summary>
    public void RateLimited(string channel, string platform) => rateLimited.Add(1, Channel(channel), Platform(platform));

    public void ErpPush(string endpoint, string outcome) =>
        erpPushes.Add(1, new KeyValuePair<string, object?>(Tags.Endpoint, endpoint), new KeyValuePair<string, object?>(Tags.Outcome, outcome));

    public void Findings(string channel, string findingClass, long count) =>
        findings.Add(count, Channel(channel), new KeyValuePair<string, object?>(Tags.Class, findingClass));

    public void Mapped(string map, TimeSpan elapsed) => maps.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>(Tags.Map, map));

    /// <summary>
    /// Reports, per channel, the requests a platform's daily cap still allows the bridge today (Zoho Inventory), as
    /// <paramref name="read"/> finds them when the metrics are read. Called once by the platform's connector factory.
    /// </summary>
    public void ObserveDailyBudget(Func<IEnumerable<(string Channel, string Platform, long Remaining)>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        meter.CreateObservableGauge(
            StoreDailyBudgetRemaining,
            () => read().Select(r => new Measurement<long>(r.Remaining, Channel(r.Channel), Platform(r.Platform))),
            Units.Request,
            "Requests the platform's daily cap still allows the bridge today (its reserve left out), by channel and platform.");
    }

    private static KeyValuePair<string, object?> Channel(string channel) => new(Tags.Channel, channel);

    private static KeyValuePair<string, object?> Platform(string platform) => new(Tags.Platform, platform);

    private static string Name(AcceptOutcome outcome) => outcome switch
    {
        AcceptOutcome.Accepted => nameof(AcceptOutcome.Accepted),
        AcceptOutcome.Duplicate => nameof(AcceptOutcome.Duplicate),
        _ => nameof(AcceptOutcome.Conflict),
    };

    private static IEnumerable<Measurement<T>> Each<T>(IChannelGauges gauges, Func<ChannelGaugeReading, T> value)
        where T : struct =>
        gauges.Read().Select(r => new Measurement<T>(value(r), new KeyValuePair<string, object?>(Tags.Channel, r.Channel)));
}
