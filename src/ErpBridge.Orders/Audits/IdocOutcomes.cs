using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ErpBridge.Core.Audits;
using ErpBridge.Core.Status;
using ErpBridge.ErpPush.Audit;

namespace ErpBridge.Orders.Audits;

/// <summary>What SAP is told about a settled document, and the numbers its audit carries.</summary>
public static class IdocOutcomes
{
    /// <summary>
    /// Delivered when every channel delivered the document (or a newer message superseded it there) with no item failed
    /// on its own; failed otherwise, with the first failure's reason and channel, and the other failed channels named.
    /// </summary>
    public static AuditOutcome Of(SettledDocument document, SourceSystemOptions source)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(source);
        var failures = document.Deliveries
            .Where(d => d.Status is DeliveryStatus.Failed or DeliveryStatus.Discarded || d.FailedItem is not null)
            .ToList();
        if (failures.Count == 0)
        {
            var channels = string.Join(", ", document.Deliveries.Select(d => d.Channel));
            return new AuditOutcome(source.DeliveredStatus, false, $"Delivered to {channels}", null, document.MessageId);
        }

        var first = failures[0];
        var reason = first.Status is DeliveryStatus.Failed or DeliveryStatus.Discarded
            ? first.LastError is { Length: > 0 } error ? error : "dead-lettered"
            : $"item {first.FailedItem}";
        var others = failures.Count > 1 ? $" (also failed on {string.Join(", ", failures.Skip(1).Select(f => f.Channel))})" : "";
        return new AuditOutcome(source.FailedStatus, true, $"{first.Channel}: {reason}{others}", first.Channel, document.MessageId);
    }

    /// <summary>The audit's MessageId at the ERP: the same for every retry, so the ERP takes it once.</summary>
    public static string AuditMessageId(string messageId) =>
        "AUD-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(messageId)))[..32];

    /// <summary>The audit IDoc's own number (EDI_DC40 DOCNUM, 16 digits), derived from the MessageId so that a retry carries the same.</summary>
    public static string AuditDocNum(string messageId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("aleaud:" + messageId));
        var number = BitConverter.ToUInt64(hash, 0) % 10_000_000_000_000_000UL;
        return number.ToString("D16", CultureInfo.InvariantCulture);
    }
}
