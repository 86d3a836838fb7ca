namespace ErpBridge.Sandboxes;

/// <summary>ErpBridge:Sandboxes:Api2Cart.</summary>
public sealed class Api2CartSandboxSettings
{
    /// <summary>Empty: not started.</summary>
    public string? Url { get; set; }

    public string ApiKey { get; set; } = "";

    public string StoreKey { get; set; } = "";

    /// <summary>The cart's warehouse ids; a channel's Locations map ERP codes to them.</summary>
    public List<string> Warehouses { get; set; } = ["1", "2"];
}
