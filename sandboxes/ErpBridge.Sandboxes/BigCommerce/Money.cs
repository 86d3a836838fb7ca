namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>Cents, rounded the way a store rounds a tax amount.</summary>
internal static class Money
{
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
