using System.Globalization;
using System.Security;
using System.Security.Cryptography;
using System.Text;

namespace ErpBridge.Tests.Support;

/// <summary>Request envelopes as ERP systems send them, with a WS-Security UsernameToken unless told otherwise.</summary>
public static class Envelopes
{
    public const string Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public const string Soap12 = "http://www.w3.org/2003/05/soap-envelope";
    public const string Wsse = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public const string Wsu = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    public const string PasswordText = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";
    public const string PasswordDigest = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest";

    public static string Wrap(string body, string? header = null, SoapVersionUnderTest version = SoapVersionUnderTest.Soap11)
    {
        var ns = version == SoapVersionUnderTest.Soap11 ? Soap11 : Soap12;
        return $"""<soap:Envelope xmlns:soap="{ns}"><soap:Header>{header ?? PasswordToken(BridgeFixture.DemoUser, BridgeFixture.DemoPassword)}</soap:Header><soap:Body>{body}</soap:Body></soap:Envelope>""";
    }

    public static string PasswordToken(string user, string password) =>
        $"""<wsse:Security xmlns:wsse="{Wsse}"><wsse:UsernameToken><wsse:Username>{SecurityElement.Escape(user)}</wsse:Username><wsse:Password Type="{PasswordText}">{SecurityElement.Escape(password)}</wsse:Password></wsse:UsernameToken></wsse:Security>""";

    /// <summary>A PasswordDigest token: Base64(SHA-1(nonce + created + password)).</summary>
    public static string DigestToken(string user, string password, DateTimeOffset created, byte[]? nonce = null)
    {
        nonce ??= RandomNumberGenerator.GetBytes(16);
        var createdText = created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
#pragma warning disable CA5350 // The UsernameToken profile defines SHA-1 here.
        var digest = Convert.ToBase64String(SHA1.HashData([.. nonce, .. Encoding.UTF8.GetBytes(createdText + password)]));
#pragma warning restore CA5350
        return $"""<wsse:Security xmlns:wsse="{Wsse}" xmlns:wsu="{Wsu}"><wsse:UsernameToken><wsse:Username>{user}</wsse:Username><wsse:Password Type="{PasswordDigest}">{digest}</wsse:Password><wsse:Nonce EncodingType="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary">{Convert.ToBase64String(nonce)}</wsse:Nonce><wsu:Created>{createdText}</wsu:Created></wsse:UsernameToken></wsse:Security>""";
    }

    public static string Inventory(string messageId, int items = 2, string sku = "MAT-1000") =>
        $"""<inv:SubmitInventory xmlns:inv="urn:erpbridge:inventory:v1"><inv:MessageId>{messageId}</inv:MessageId><inv:SentAt>2026-11-26T10:00:00Z</inv:SentAt><inv:SourceSystem>SAP-ECC</inv:SourceSystem><inv:Items>{string.Concat(Enumerable.Range(1, items).Select(i => $"<inv:Item><inv:Sku>{sku}{i}</inv:Sku><inv:Location>WH01</inv:Location><inv:Quantity>{i * 10}</inv:Quantity></inv:Item>"))}</inv:Items></inv:SubmitInventory>""";

    public static string Products(string messageId) =>
        $"""<prd:SubmitProducts xmlns:prd="urn:erpbridge:products:v1"><prd:MessageId>{messageId}</prd:MessageId><prd:SentAt>2026-11-26T10:00:00+01:00</prd:SentAt><prd:SourceSystem>SAP-ECC</prd:SourceSystem><prd:Products><prd:Product><prd:Sku>MAT-2001</prd:Sku><prd:Title>Steel bolt M8 &amp; nut</prd:Title><prd:Description>Zinc plated</prd:Description><prd:Price>1.25</prd:Price><prd:Currency>EUR</prd:Currency><prd:Status>active</prd:Status><prd:Barcode>4006381333931</prd:Barcode><prd:Weight unit="g">12.5</prd:Weight><prd:Attributes><prd:Attribute><prd:Name>Material</prd:Name><prd:Value>Steel</prd:Value></prd:Attribute></prd:Attributes></prd:Product><prd:Product><prd:Sku>MAT-2002</prd:Sku><prd:Title>Washer</prd:Title><prd:Price>0.05</prd:Price><prd:Currency>EUR</prd:Currency><prd:Status>draft</prd:Status></prd:Product></prd:Products></prd:SubmitProducts>""";

    public static string Shipments(string messageId, string channel = "shopify-demo") =>
        $"""<shp:SubmitShipments xmlns:shp="urn:erpbridge:shipments:v1"><shp:MessageId>{messageId}</shp:MessageId><shp:SentAt>2026-11-26T10:00:00Z</shp:SentAt><shp:SourceSystem>SAP-ECC</shp:SourceSystem><shp:Shipments><shp:Shipment><shp:Channel>{channel}</shp:Channel><shp:OrderNumber>#1001</shp:OrderNumber><shp:ShipmentId>80001234</shp:ShipmentId><shp:Carrier>DHL</shp:Carrier><shp:TrackingNumber>JJD000390007711</shp:TrackingNumber><shp:TrackingUrl>https://www.dhl.com/track?id=JJD000390007711</shp:TrackingUrl><shp:ShippedAt>2026-11-26T09:30:00Z</shp:ShippedAt><shp:Lines><shp:Line><shp:Sku>MAT-2001</shp:Sku><shp:Quantity>2</shp:Quantity></shp:Line></shp:Lines></shp:Shipment></shp:Shipments></shp:SubmitShipments>""";

    /// <summary>A SubmitDocument whose MATMAS05 the inbound map takes (a material with a valuation price).</summary>
    public static string Document(string messageId, string documentType = "MATMAS05") =>
        $"""<doc:SubmitDocument xmlns:doc="urn:erpbridge:documents:v1"><doc:MessageId>{messageId}</doc:MessageId><doc:SentAt>2026-11-26T10:00:00Z</doc:SentAt><doc:SourceSystem>SAP-ECC</doc:SourceSystem><doc:DocumentType>{documentType}</doc:DocumentType><doc:Payload><MATMAS05><IDOC BEGIN="1"><EDI_DC40 SEGMENT="1"><IDOCTYP>MATMAS05</IDOCTYP></EDI_DC40><E1MARAM SEGMENT="1"><MATNR>MAT-3001</MATNR><E1MBEWM SEGMENT="1"><BWKEY>1000</BWKEY><VPRSV>V</VPRSV><VERPR>7.5</VERPR></E1MBEWM></E1MARAM></IDOC></MATMAS05></doc:Payload></doc:SubmitDocument>""";

    public static string Status(string messageId) =>
        $"""<st:GetMessageStatus xmlns:st="urn:erpbridge:status:v1"><st:MessageId>{messageId}</st:MessageId></st:GetMessageStatus>""";

    public static string NewId(string prefix = "T") => $"{prefix}-{Guid.NewGuid():N}";
}
