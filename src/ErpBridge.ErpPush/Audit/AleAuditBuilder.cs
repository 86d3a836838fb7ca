using System.Globalization;
using System.Xml.Linq;

namespace ErpBridge.ErpPush.Audit;

/// <summary>
/// Writes the ALEAUD01 audit IDoc (wsdl/erp/ALEAUD01.xsd) that confirms received IDocs to the SAP system that sent
/// them: one E1ADHDR per message type, one E1STATE per IDoc with the sender's DOCNUM, the status and the reason in
/// STATXT (70 characters) and the parameters STAPA1..4 (20) / STAPA1_LNG..4_LNG (50): channel, bridge MessageId and
/// the rest of a reason longer than STATXT. Text longer than a field is cut, never rejected: SAP would refuse it.
/// </summary>
public static class AleAuditBuilder
{
    public const int StatusTextLength = 70;
    public const int ParameterLength = 20;
    public const int LongParameterLength = 50;

    /// <summary>The ALEAUD01 for <paramref name="idocs"/> (at least one, at most 500) with audit IDoc number <paramref name="auditDocNum"/>.</summary>
    public static XElement Build(IReadOnlyList<ReceivedIdoc> idocs, AuditOutcome outcome, string auditDocNum, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(idocs);
        ArgumentNullException.ThrowIfNull(outcome);
        if (idocs.Count is 0 or > 500)
        {
            throw new ArgumentException($"An audit IDoc confirms 1 to 500 IDocs, not {idocs.Count}.", nameof(idocs));
        }

        var first = idocs[0];
        var utc = at.UtcDateTime;
        var date = utc.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var time = utc.ToString("HHmmss", CultureInfo.InvariantCulture);
        var control = Segment(
            "EDI_DC40",
            ("TABNAM", "EDI_DC40"),
            ("MANDT", Cut(first.Client, 3)),
            ("DOCNUM", Cut(auditDocNum, 16)),
            ("DIRECT", "2"),
            ("IDOCTYP", "ALEAUD01"),
            ("MESTYP", "ALEAUD"),
            // The audit goes back the way the IDoc came: the bridge's port and partner send, SAP's receive.
            ("SNDPOR", Cut(first.ReceiverPort ?? "ERPBRIDGE", 10)),
            ("SNDPRT", Cut(first.ReceiverPartnerType ?? "LS", 2)),
            ("SNDPRN", Cut(first.ReceiverPartner ?? "ERPBRIDGE", 10)),
            ("RCVPOR", Cut(first.SenderPort ?? "SAP", 10)),
            ("RCVPRT", Cut(first.SenderPartnerType ?? "LS", 2)),
            ("RCVPRN", Cut(first.SenderPartner ?? "SAP", 10)),
            ("CREDAT", date),
            ("CRETIM", time));

        var headers = idocs
            .GroupBy(i => (i.MessageType, i.MessageCode, i.MessageFunction))
            .Select(group =>
            {
                var header = Segment(
                    "E1ADHDR",
                    ("MESTYP", group.Key.MessageType.Length <= 6 ? group.Key.MessageType : null),
                    ("MESCOD", Cut(group.Key.MessageCode, 3)),
                    ("MESFCT", Cut(group.Key.MessageFunction, 3)),
                    ("MESTYP_LNG", Cut(group.Key.MessageType, 30)));
                header.Add(group.Select(idoc => State(idoc, outcome, date, time)));
                return header;
            });

        return new XElement("ALEAUD01", new XElement("IDOC", new XAttribute("BEGIN", "1"), control, headers));
    }

    /// <summary>The first <paramref name="length"/> characters of <paramref name="text"/> trimmed; null when nothing is left.</summary>
    public static string? Cut(string? text, int length)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length <= length ? trimmed : trimmed[..length].TrimEnd();
    }

    private static XElement State(ReceivedIdoc idoc, AuditOutcome outcome, string date, string time)
    {
        var text = string.Join(" ", outcome.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var statusText = Cut(text, StatusTextLength);
        // What STATXT could not hold continues in the long parameters 3 and 4, so that 170 characters of the reason reach SAP.
        var rest = statusText is null || text.Length <= statusText.Length ? "" : text[statusText.Length..].Trim();
        var rest1 = Cut(rest, LongParameterLength);
        var rest2 = rest1 is null || rest.Length <= rest1.Length ? null : Cut(rest[rest1.Length..], LongParameterLength);
        return Segment(
            "E1STATE",
            ("DOCNUM", idoc.DocNum),
            ("LOGDAT", date),
            ("LOGTIM", time),
            ("STATUS", outcome.Status),
            ("REPID", "ERPBRIDGE"),
            ("STATXT", statusText),
            ("STAPA1", Cut(outcome.Channel, ParameterLength)),
            ("STAPA2", Cut(outcome.BridgeMessageId, ParameterLength)),
            ("STAPA3", Cut(rest1, ParameterLength)),
            ("STAPA4", Cut(rest2, ParameterLength)),
            ("STATYP", outcome.Failed ? "E" : "S"),
            ("STAPA1_LNG", Cut(outcome.Channel, LongParameterLength)),
            ("STAPA2_LNG", Cut(outcome.BridgeMessageId, LongParameterLength)),
            ("STAPA3_LNG", rest1),
            ("STAPA4_LNG", rest2));
    }

    /// <summary>A segment with its fields in the given order; empty fields are left out, as SAP writes them.</summary>
    private static XElement Segment(string name, params (string Name, string? Value)[] fields) =>
        new(name, new XAttribute("SEGMENT", "1"), fields.Where(f => !string.IsNullOrEmpty(f.Value)).Select(f => new XElement(f.Name, f.Value)));
}
