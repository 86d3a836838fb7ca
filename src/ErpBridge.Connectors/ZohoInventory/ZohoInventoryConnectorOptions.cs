using ErpBridge.Connectors.Http;

namespace ErpBridge.Connectors.ZohoInventory;

/// <summary>Settings shared by every Zoho Inventory channel's connector; the common ones are on <see cref="ConnectorOptions"/>.</summary>
public sealed class ZohoInventoryConnectorOptions : ConnectorOptions
{
    /// <summary>Requests per minute per organisation: Zoho allows 100, shared by every app of the organisation.</summary>
    public int RequestsPerMinute { get; set; } = 100;

    /// <summary>Requests per day per organisation: Zoho's cap by plan (Free 1,000; paid plans more). The bridge stops short of it.</summary>
    public int DailyLimit { get; set; } = 1000;

    /// <summary>Requests of each day left for other apps of the organisation (and for the operator); the bridge does not use them.</summary>
    public int DailyReserve { get; set; }

    /// <summary>How long before an access token expires it is renewed (Zoho's tokens live an hour).</summary>
    public TimeSpan TokenRenewalMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Newest inventory adjustments read (one page, at most 200) to find one a lost answer made already, by its
    /// reference_number, before a stock delivery adjusts again.
    /// </summary>
    public int AdjustmentLookBack { get; set; } = 200;

    internal override void Validate()
    {
        base.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(RequestsPerMinute, 1, nameof(RequestsPerMinute));
        ArgumentOutOfRangeException.ThrowIfLessThan(DailyLimit, 1, nameof(DailyLimit));
        ArgumentOutOfRangeException.ThrowIfNegative(DailyReserve, nameof(DailyReserve));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(DailyReserve, DailyLimit, nameof(DailyReserve));
        ArgumentOutOfRangeException.ThrowIfLessThan(TokenRenewalMargin, TimeSpan.Zero, nameof(TokenRenewalMargin));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(TokenRenewalMargin, TimeSpan.FromHours(1), nameof(TokenRenewalMargin));
        ArgumentOutOfRangeException.ThrowIfLessThan(AdjustmentLookBack, 1, nameof(AdjustmentLookBack));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(AdjustmentLookBack, 200, nameof(AdjustmentLookBack));
    }
}
