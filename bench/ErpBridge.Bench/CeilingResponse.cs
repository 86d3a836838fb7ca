namespace ErpBridge.Bench;

/// <summary>The fixed SOAP 1.1 receipt the ceiling server returns for every request.</summary>
internal static class CeilingResponse
{
    public const string ContentType = "text/xml; charset=utf-8";

    public static ReadOnlyMemory<byte> Body { get; } =
        """<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><SubmitInventoryResponse xmlns="urn:erpbridge:inventory:v1"><Receipt><MessageId xmlns="urn:erpbridge:common:v1">fixed</MessageId><Status xmlns="urn:erpbridge:common:v1">Accepted</Status><ReceivedAt xmlns="urn:erpbridge:common:v1">2026-01-01T00:00:00Z</ReceivedAt><Channels xmlns="urn:erpbridge:common:v1"/></Receipt></SubmitInventoryResponse></s:Body></s:Envelope>"""u8.ToArray();
}
