using System.Xml.Linq;

namespace ErpBridge.ErpPush.Audit;

/// <summary>
/// The control record (EDI_DC40) of one IDoc the bridge received: its number in the sending system, which the audit
/// confirms, its message type, and the ports and partners the audit travels back between (sender and receiver swapped).
/// </summary>
public sealed record ReceivedIdoc(
    string DocNum,
    string? Client,
    string MessageType,
    string? MessageCode,
    string? MessageFunction,
    string? SenderPort,
    string? SenderPartnerType,
    string? SenderPartner,
    string? ReceiverPort,
    string? ReceiverPartnerType,
    string? ReceiverPartner)
{
    /// <summary>
    /// The IDocs of a received document (IDoc XML: a root such as DELVRY07 with one IDOC element per IDoc), in their
    /// order. Empty when the document is no IDoc (an Oracle OAG document, say) or its IDocs carry no DOCNUM, since an
    /// audit without the sender's number cannot be matched.
    /// </summary>
    public static IReadOnlyList<ReceivedIdoc> Read(XElement document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Elements("IDOC")
            .Select(idoc => idoc.Element("EDI_DC40"))
            .OfType<XElement>()
            .Select(From)
            .OfType<ReceivedIdoc>()
            .ToList();
    }

    private static ReceivedIdoc? From(XElement control)
    {
        string? Field(string name) => control.Element(name)?.Value.Trim() is { Length: > 0 } value ? value : null;
        var docNum = Field("DOCNUM");
        var messageType = Field("MESTYP");
        if (docNum is null || messageType is null || docNum.Length > 16 || !docNum.All(char.IsAsciiDigit))
        {
            return null;
        }

        return new ReceivedIdoc(
            docNum,
            Field("MANDT"),
            messageType,
            Field("MESCOD"),
            Field("MESFCT"),
            Field("SNDPOR"),
            Field("SNDPRT"),
            Field("SNDPRN"),
            Field("RCVPOR"),
            Field("RCVPRT"),
            Field("RCVPRN"));
    }
}
