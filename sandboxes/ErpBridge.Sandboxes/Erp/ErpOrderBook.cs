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

            if (!documentsByOrderKey.TryGetValue(orderKey, out var existing))
            {
                if (changeType != ErpChangeTypes.New)
                {
                    return ErpReceiveResult.Refused("Client", "OrderNotFound", $"No sales order for {orderKey}: an {changeType} needs an order handed over as New before.");
                }

                var created = new Entry(FormatNumber(nextNumber++), orderKey, content.ToString(SaveOptions.DisableFormatting));
                created.ChangeTypes.Add(changeType);
                documents.Add(created);
                documentsByOrderKey.Add(orderKey, created);
                return Answer(new ErpSandboxReceipt(messageId, changeType, created.Number, ErpStatus.Created, time.GetUtcNow()));
            }

            // A New for an order that already has a document names that document: one web order, one sales order.
            if (changeType == ErpChangeTypes.New)
            {
                return Answer(new ErpSandboxReceipt(messageId, changeType, existing.Number, ErpStatus.Created, time.GetUtcNow()));
            }

            if (changeType == ErpChangeTypes.Update && existing.Cancelled)
            {
                return ErpReceiveResult.Refused("Client", "OrderCancelled", $"Sales order {existing.Number} for {orderKey} is cancelled and cannot be changed.");
            }

            existing.ChangeTypes.Add(changeType);
            existing.Content = content.ToString(SaveOptions.DisableFormatting);
            existing.Cancelled |= changeType == ErpChangeTypes.Cancellation;
            var status = changeType == ErpChangeTypes.Cancellation ? ErpStatus.Cancelled : ErpStatus.Changed;
            return Answer(new ErpSandboxReceipt(messageId, changeType, existing.Number, status, time.GetUtcNow()));
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
