namespace ErpBridge.Host.Monitoring;

/// <summary>
/// The one authorization policy of /metrics and /status/*: an authenticated user of any of <see cref="Schemes"/>. The
/// operator sign-in's cookie scheme is added to that list, and nowhere else.
/// </summary>
public static class MonitoringPolicy
{
    public const string Name = "Monitoring";

    /// <summary>The authentication schemes whose users may read the metrics and the status endpoints.</summary>
    public static IReadOnlyList<string> Schemes { get; } = [MetricsTokenHandler.SchemeName];
}
