namespace ErpBridge.Host.Monitoring;

/// <summary>The section "ErpBridge:Monitoring": who may read /metrics and /status/*, and how fresh the gauges are.</summary>
public sealed class MonitoringOptions
{
    public const string Section = "ErpBridge:Monitoring";

    /// <summary>
    /// SHA-256 (64 hex digits) of each metrics token a scraper may present as <c>Authorization: Bearer &lt;token&gt;</c>;
    /// <c>metrics-token</c> makes a token and its hash. None: /metrics and /status/* answer signed-in operators only.
    /// </summary>
    public List<string> TokenHashes { get; set; } = [];

    /// <summary>How long the gauges that read the database (backlog, oldest pending age, delivered last hour, poll lag) are reused.</summary>
    public TimeSpan GaugeCache { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<string> Validate()
    {
        for (var i = 0; i < TokenHashes.Count; i++)
        {
            if (!MetricsToken.IsHash(TokenHashes[i]))
            {
                yield return $"{Section}:TokenHashes:{i}: not a SHA-256 hash (64 hex digits); make a token and its hash with 'metrics-token'.";
            }
        }

        if (GaugeCache < TimeSpan.Zero || GaugeCache > TimeSpan.FromMinutes(5))
        {
            yield return $"{Section}:GaugeCache: {GaugeCache} is not between 00:00:00 and 00:05:00.";
        }
    }
}
