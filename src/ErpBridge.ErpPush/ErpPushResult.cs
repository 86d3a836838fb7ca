using ErpBridge.Core.Delivery;

namespace ErpBridge.ErpPush;

/// <summary>
/// What one push came to, as a value. <see cref="Outcome"/> is the Core classification the delivery job already
/// acts on: <see cref="DeliveryOutcome.Delivered"/> when the ERP took the order (its <c>PlatformIds</c> carry
/// <c>erp-document</c> → the document number), <see cref="DeliveryOutcome.TransientFailure"/> when the same push
/// should be tried again later, <see cref="DeliveryOutcome.PermanentFailure"/> (with the ERP's own text) when
/// sending it again cannot succeed.
/// </summary>
public sealed record ErpPushResult
{
    /// <summary>The key under which <see cref="DeliveryOutcome.Delivered.PlatformIds"/> names the ERP document.</summary>
    public const string DocumentIdKey = "erp-document";

    private ErpPushResult(DeliveryOutcome outcome, string? erpDocumentNumber, string? status)
    {
        Outcome = outcome;
        ErpDocumentNumber = erpDocumentNumber;
        Status = status;
    }

    public DeliveryOutcome Outcome { get; }

    /// <summary>The ERP's document number (e.g. the sales order 0000012345); set when accepted.</summary>
    public string? ErpDocumentNumber { get; }

    /// <summary>The receiver's Status (Created, Changed, Cancelled, Duplicate); set when accepted.</summary>
    public string? Status { get; }

    public bool Accepted => Outcome is DeliveryOutcome.Delivered;

    /// <summary>The ERP had already processed this MessageId: nothing was done again, the number is the first answer's.</summary>
    public bool Duplicate => Status == "Duplicate";

    public static ErpPushResult Accept(string erpDocumentNumber, string status)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(erpDocumentNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal) { [DocumentIdKey] = erpDocumentNumber };
        return new ErpPushResult(new DeliveryOutcome.Delivered(ids, status), erpDocumentNumber, status);
    }

    public static ErpPushResult Transient(string reason, TimeSpan? retryAfter = null) =>
        new(new DeliveryOutcome.TransientFailure(reason, retryAfter), null, null);

    public static ErpPushResult Permanent(string reason) =>
        new(new DeliveryOutcome.PermanentFailure(reason), null, null);

    public override string ToString() => Outcome switch
    {
        DeliveryOutcome.Delivered => $"Accepted {ErpDocumentNumber} ({Status})",
        DeliveryOutcome.TransientFailure t => $"Transient failure: {t.Reason}",
        DeliveryOutcome.PermanentFailure p => $"Permanent failure: {p.Reason}",
        _ => Outcome.ToString(),
    };
}
