namespace ErpBridge.Host.Alerts;

/// <summary>How urgent an alert is, as receivers route on it (written in lower case).</summary>
public enum AlertSeverity
{
    Info,
    Warning,
    Error,
    Critical,
}
