namespace ErpBridge.Connectors.BigCommerce;

/// <summary>URL pieces as BigCommerce's own examples write them: <c>sku:in=A,B</c> keeps its colon and commas readable.</summary>
internal static class BigCommercePaths
{
    public static string EscapeQueryValue(string value) =>
        Uri.EscapeDataString(value).Replace("%2C", ",", StringComparison.Ordinal).Replace("%3A", ":", StringComparison.Ordinal);

    public static string EscapeQueryName(string name) =>
        Uri.EscapeDataString(name).Replace("%3A", ":", StringComparison.Ordinal);
}
