namespace ErpBridge.Orders.Audits;

/// <summary>ErpBridge:IdocAudits (how audits are found and sent) and the source systems from ErpBridge:SourceSystems.</summary>
public sealed class IdocAuditOptions
{
    public const string Section = "ErpBridge:IdocAudits";
    public const string SourceSystemsSection = "ErpBridge:SourceSystems";

    /// <summary>How often documents whose outcome became known are looked for, and due audits sent.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Documents received longer ago than this are not looked at: their outcome is known well before (a delivery gives
    /// up after ErpBridge:Delivery:MaxRetryAge, 3 days by default), and the look-up stays cheap however old the store.
    /// </summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The first wait after the ERP failed to take an audit; it doubles up to <see cref="BackoffMax"/>, and the audit is tried until the ERP takes it.</summary>
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan BackoffMax { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Per source system, by the SourceSystem the client sends (case-insensitive).</summary>
    public Dictionary<string, SourceSystemOptions> SourceSystems { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The source systems whose IDocs are audited.</summary>
    public IEnumerable<(string Name, SourceSystemOptions Options)> Audited =>
        SourceSystems.Where(s => s.Value.AuditIdocs).Select(s => (s.Key, s.Value));

    /// <summary>Every problem, each naming its key.</summary>
    public IEnumerable<string> Validate(ICollection<string> erpEndpoints)
    {
        if (Interval <= TimeSpan.Zero)
        {
            yield return $"{Section}:Interval must be positive.";
        }

        if (Window <= TimeSpan.Zero)
        {
            yield return $"{Section}:Window must be positive.";
        }

        if (BackoffBase <= TimeSpan.Zero || BackoffMax < BackoffBase)
        {
            yield return $"{Section}:BackoffBase must be positive and BackoffMax at least BackoffBase.";
        }

        foreach (var (name, source) in SourceSystems)
        {
            var key = $"{SourceSystemsSection}:{name}";
            if (!source.AuditIdocs)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(source.ErpEndpoint))
            {
                yield return $"{key}:ErpEndpoint is required when AuditIdocs is on: the ERP endpoint (under ErpBridge:ErpEndpoints) the audits go to.";
            }
            else if (!erpEndpoints.Contains(source.ErpEndpoint, StringComparer.OrdinalIgnoreCase))
            {
                yield return $"{key}:ErpEndpoint '{source.ErpEndpoint}' is not configured under ErpBridge:ErpEndpoints.";
            }

            foreach (var (field, status) in new[] { ("DeliveredStatus", source.DeliveredStatus), ("FailedStatus", source.FailedStatus) })
            {
                if (status is not { Length: 2 } || !status.All(char.IsAsciiDigit))
                {
                    yield return $"{key}:{field} must be a two-digit IDoc status, not '{status}'.";
                }
            }
        }
    }
}
