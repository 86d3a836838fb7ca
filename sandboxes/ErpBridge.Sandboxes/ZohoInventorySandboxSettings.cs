namespace ErpBridge.Sandboxes;

/// <summary>ErpBridge:Sandboxes:ZohoInventory: the organisation and OAuth client the Zoho Inventory sandbox accepts.</summary>
public sealed class ZohoInventorySandboxSettings
{
    /// <summary>Empty: not started.</summary>
    public string? Url { get; set; }

    public string OrganizationId { get; set; } = "10234695";

    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    public string RefreshToken { get; set; } = "";
}
