using Serilog.Events;

namespace ErpBridge.Host;

/// <summary>The section "ErpBridge:Logging".</summary>
public sealed class LoggingOptions
{
    public const string Section = "ErpBridge:Logging";

    public LogEventLevel MinimumLevel { get; set; } = LogEventLevel.Information;

    /// <summary>Rolling file of compact JSON events; the date is inserted before the extension. Empty turns it off.</summary>
    public string? File { get; set; } = "logs/erpbridge-.clef";
}
