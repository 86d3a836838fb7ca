namespace ErpBridge.Connectors.Magento;

/// <summary>
/// The reference kinds a Magento plan may ask for. Products need none: Magento addresses them by SKU, and a product
/// save with a known SKU updates it. Stock needs the MSI source code of each ERP location.
/// </summary>
internal static class MagentoReferenceKinds
{
    /// <summary>MSI source code by ERP location code: the channel's Locations map, else a source with that very code.</summary>
    public const string Source = "source";

    public static bool IsKnown(string kind) => kind is Source;

    public static string NotFound(MagentoReferenceKey reference, string channel) => reference.Kind switch
    {
        Source => $"ERP location '{reference.Key}' has no MSI source on channel '{channel}' (not mapped in the channel's Locations, and no Magento source has that code)",
        _ => $"reference kind '{reference.Kind}' (key '{reference.Key}') is not one the Magento connector resolves (source)",
    };
}

/// <summary>A reference kind and key, e.g. (source, WH1).</summary>
internal readonly record struct MagentoReferenceKey(string Kind, string Key);
