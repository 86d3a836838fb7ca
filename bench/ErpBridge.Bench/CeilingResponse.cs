using System.Text;
using ErpBridge.Core.Messages;

namespace ErpBridge.Bench;

/// <summary>The fixed SOAP 1.1 receipt the ceiling server returns for every request.</summary>
internal static class CeilingResponse
{
    public const string ContentType = "text/xml; charset=utf-8";

    public static ReadOnlyMemory<byte> Body { get; } =
        Encoding.UTF8.GetBytes($"""<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><SubmitInventoryResponse xmlns="{XmlNamespaces.Inventory}"><Receipt><MessageId xmlns="{XmlNamespaces.Common}">fixed</MessageId><Status xmlns="{XmlNamespaces.Common}">Accepted</Status><ReceivedAt xmlns="{XmlNamespaces.Common}">2026-01-01T00:00:00Z</ReceivedAt><Channels xmlns="{XmlNamespaces.Common}"/></Receipt></SubmitInventoryResponse></s:Body></s:Envelope>""");
}
