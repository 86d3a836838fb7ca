namespace ErpBridge.Core.Metrics;

/// <summary>
/// The one home of the meter's name, its instruments' names and units, and their tags (OpenTelemetry semantic
/// conventions: dotted lower-case names, UCUM units, <c>{annotation}</c> for counts). The Prometheus exporter writes
/// <c>erpbridge.soap.accepts</c> as <c>erpbridge_soap_accepts_total</c>, a duration in <c>s</c> as <c>..._seconds</c>.
/// </summary>
public static class MetricNames
{
    /// <summary>The meter every instrument of the bridge is created on.</summary>
    public const string Meter = "ErpBridge";

    public const string SoapAccepts = "erpbridge.soap.accepts";
    public const string SoapFaults = "erpbridge.soap.faults";
    public const string DeliveryOutcomes = "erpbridge.delivery.outcomes";
    public const string DeliveryBacklog = "erpbridge.delivery.backlog";
    public const string DeliveryOldestPendingAge = "erpbridge.delivery.oldest_pending.age";
    public const string DeliveryDeliveredLastHour = "erpbridge.delivery.delivered_last_hour";
    public const string StoreCallDuration = "erpbridge.store.call.duration";
    public const string StoreRateLimited = "erpbridge.store.rate_limited";
    public const string OrderPollLag = "erpbridge.orders.poll.lag";
    public const string ErpPushes = "erpbridge.erp.pushes";
    public const string ReconciliationFindings = "erpbridge.reconciliation.findings";
    public const string MapDuration = "erpbridge.map.duration";
    public const string StoreDailyBudgetRemaining = "erpbridge.store.daily_budget.remaining";

    /// <summary>Every instrument, with its kind and unit (for the documentation and the dashboard's test).</summary>
    public static IReadOnlyList<(string Name, string Kind, string Unit)> All { get; } =
    [
        (SoapAccepts, "counter", Units.Message),
        (SoapFaults, "counter", Units.Fault),
        (DeliveryOutcomes, "counter", Units.Delivery),
        (DeliveryBacklog, "gauge", Units.Delivery),
        (DeliveryOldestPendingAge, "gauge", Units.Seconds),
        (DeliveryDeliveredLastHour, "gauge", Units.Delivery),
        (StoreCallDuration, "histogram", Units.Seconds),
        (StoreRateLimited, "counter", Units.Response),
        (OrderPollLag, "gauge", Units.Seconds),
        (ErpPushes, "counter", Units.Push),
        (ReconciliationFindings, "counter", Units.Finding),
        (MapDuration, "histogram", Units.Seconds),
        (StoreDailyBudgetRemaining, "gauge", Units.Request),
    ];

    /// <summary>The units of the instruments.</summary>
    public static class Units
    {
        public const string Seconds = "s";
        public const string Message = "{message}";
        public const string Fault = "{fault}";
        public const string Delivery = "{delivery}";
        public const string Response = "{response}";
        public const string Push = "{push}";
        public const string Finding = "{finding}";
        public const string Request = "{request}";
    }

    /// <summary>The tags (Prometheus labels) the instruments carry.</summary>
    public static class Tags
    {
        public const string Operation = "operation";
        public const string Outcome = "outcome";
        public const string Code = "code";
        public const string Channel = "channel";
        public const string Platform = "platform";
        public const string Endpoint = "endpoint";
        public const string Class = "class";
        public const string Map = "map";
    }
}
