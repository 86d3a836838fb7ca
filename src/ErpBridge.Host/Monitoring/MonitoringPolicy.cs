namespace ErpBridge.Host.Monitoring;

/// <summary>
/// The one authorization policy of /metrics and /status/*: an authenticated user of any of <see cref="Schemes"/>, a
/// metrics token or a console operator's session. Challenged, both answer 401 (the cookie scheme redirects only pages of
/// the console), with the token's WWW-Authenticate.
/// </summary>
public static class MonitoringPolicy
{
    public const string Name = "Monitoring";

    /// <summary>The authentication schemes whose users may read the metrics and the status endpoints.</summary>
    public static IReadOnlyList<string> Schemes { get; } = [MetricsTokenHandler.SchemeName, OperatorConsole.ConsoleAuthorization.Scheme];
}
