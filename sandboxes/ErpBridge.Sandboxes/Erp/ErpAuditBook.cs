using System.Globalization;
using System.Xml.Linq;

namespace ErpBridge.Sandboxes.Erp;

/// <summary>
/// The audits the sandbox ERP took, exactly once per MessageId: a repeated MessageId gets the first answer (the same
/// IDoc number, Status Duplicate) and is not recorded again, as for orders.
/// </summary>
internal sealed class ErpAuditBook(TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, string> numbersByMessageId = new(StringComparer.Ordinal);
    private readonly List<ErpSandboxAudit> audits = [];
    private long nextNumber = 90_000_001;

    /// <summary>Records a valid ALEAUD01; returns the IDoc number given to it and Received, or the first answer's number and Duplicate.</summary>
    public (string IdocNumber, string Status) Receive(string messageId, XElement audit)
    {
        lock (gate)
        {
            if (numbersByMessageId.TryGetValue(messageId, out var first))
            {
                return (first, "Duplicate");
            }

            var number = (nextNumber++).ToString("D16", CultureInfo.InvariantCulture);
            var confirmations = audit.Element("IDOC")?.Elements("E1ADHDR")
                .SelectMany(header => header.Elements("E1STATE").Select(state => new ErpSandboxAuditConfirmation(
                    (string?)state.Element("DOCNUM") ?? "",
                    (string?)header.Element("MESTYP_LNG") ?? (string?)header.Element("MESTYP") ?? "",
                    (string?)state.Element("STATUS") ?? "",
                    (string?)state.Element("STATXT"))))
                .ToList() ?? [];
            audits.Add(new ErpSandboxAudit(messageId, number, confirmations, audit.ToString(SaveOptions.DisableFormatting), time.GetUtcNow()));
            numbersByMessageId.Add(messageId, number);
            return (number, "Received");
        }
    }

    public IReadOnlyList<ErpSandboxAudit> Snapshot()
    {
        lock (gate)
        {
            return [.. audits];
        }
    }
}
