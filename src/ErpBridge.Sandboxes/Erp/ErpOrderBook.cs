using System.Xml.Linq;

namespace ErpBridge.Sandboxes.Erp;

/// <summary>
/// The sandbox ERP's documents and its exactly-once memory: a MessageId is processed once and every later hand-over
/// with it gets the first answer back, the way SAP PI/PO's message-id check keeps a retried message from posting twice.
/// </summary>
internal sealed class ErpOrderBook(long firstDocumentNumber, TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, ErpSandboxReceipt> receiptsByMessageId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entry> documentsByOrderKey = new(StringComparer.Ordinal);
    private readonly List<Entry> documents = [];
    private readonly List<ErpSandboxReceipt> receipts = [];
    private long nextNumber = firstDocumentNumber;

    /// <summary>Processes one hand-over; a refusal leaves no trace, so the same MessageId can be sent again.</summary>
    public ErpReceiveResult Receive(string messageId, string changeType, string orderKey, XElement content)
    {
        lock (gate)
        {
            if (receiptsByMessageId.TryGetValue(messageId, out var first))
            {
                return Answer(new ErpSandboxReceipt(messageId, changeType, first.DocumentNumber, ErpStatus.Duplicate, time.GetUtcNow()), remember: false);
            }

            documentsByOrderKey.TryGetValue(orderKey, out var existing);
            switch (changeType)
            {
                case ErpChangeTypes.New when existing is not null:
                    return Answer(new ErpSandboxReceipt(messageId, changeType, existing.Number, ErpStatus.Created, time.GetUtcNow()));
                case ErpChangeTypes.New:
                    var created = new Entry(FormatNumber(nextNumber++), orderKey, content.ToString(SaveOptions.DisableFormatting));
                    created.ChangeTypes.Add(changeType);
                    documents.Add(created);
                    documentsByOrderKey.Add(orderKey, created);
                    return Answer(new ErpSandboxReceipt(messageId, changeType, created.Number, ErpStatus.Created, time.GetUtcNow()));
                case ErpChangeTypes.Update or ErpChangeTypes.Cancellation when existing is null:
                    return ErpReceiveResult.Refused("Client", "OrderNotFound", $"No sales order for {orderKey}: an {changeType} needs an order handed over as New before.");
                case ErpChangeTypes.Update when existing.Cancelled:
                    return ErpReceiveResult.Refused("Client", "OrderCancelled", $"Sales order {existing.Number} for {orderKey} is cancelled and cannot be changed.");
                default:
                    ArgumentNullException.ThrowIfNull(existing);
                    existing.ChangeTypes.Add(changeType);
                    existing.Content = content.ToString(SaveOptions.DisableFormatting);
                    existing.Cancelled |= changeType == ErpChangeTypes.Cancellation;
                    var status = changeType == ErpChangeTypes.Cancellation ? ErpStatus.Cancelled : ErpStatus.Changed;
                    return Answer(new ErpSandboxReceipt(messageId, changeType, existing.Number, status, time.GetUtcNow()));
            }
        }
    }

    public ErpSandboxState Snapshot()
    {
        lock (gate)
        {
            return new ErpSandboxState(
                documents.Select(d => new ErpSandboxDocument(d.Number, d.OrderKey, d.Cancelled, [.. d.ChangeTypes], d.Content)).ToList(),
                [.. receipts]);
        }
    }

    private static string FormatNumber(long number) => number.ToString("D10", System.Globalization.CultureInfo.InvariantCulture);

    private ErpReceiveResult Answer(ErpSandboxReceipt receipt, bool remember = true)
    {
        if (remember)
        {
            receiptsByMessageId.Add(receipt.MessageId, receipt);
        }

        receipts.Add(receipt);
        return ErpReceiveResult.Answered(receipt);
    }

    private sealed class Entry(string number, string orderKey, string content)
    {
        public string Number { get; } = number;

        public string OrderKey { get; } = orderKey;

        public string Content { get; set; } = content;

        public bool Cancelled { get; set; }

        public List<string> ChangeTypes { get; } = [];
    }
}

/// <summary>What the order book made of a hand-over: an answer, or a refusal to send as a SOAP fault.</summary>
internal sealed record ErpReceiveResult(ErpSandboxReceipt? Receipt, ErpSandboxFault? Refusal)
{
    public static ErpReceiveResult Answered(ErpSandboxReceipt receipt) => new(receipt, null);

    public static ErpReceiveResult Refused(string faultCode, string code, string text) => new(null, new ErpSandboxFault(faultCode, code, text));
}

internal static class ErpChangeTypes
{
    public const string New = "New";
    public const string Update = "Update";
    public const string Cancellation = "Cancellation";

    public static bool IsValid(string value) => value is New or Update or Cancellation;
}

internal static class ErpStatus
{
    public const string Created = "Created";
    public const string Changed = "Changed";
    public const string Cancelled = "Cancelled";
    public const string Duplicate = "Duplicate";
}
