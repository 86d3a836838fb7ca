namespace ErpBridge.Sandboxes;

/// <summary>ErpBridge:Sandboxes:ShipStation.</summary>
public sealed class ShipStationSandboxSettings
{
    /// <summary>Empty: not started.</summary>
    public string? Url { get; set; }

    public string ApiKey { get; set; } = "";

    public string ApiSecret { get; set; } = "";
}
