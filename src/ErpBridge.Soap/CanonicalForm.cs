using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using ErpBridge.Soap.Contract;

namespace ErpBridge.Soap;

/// <summary>
/// Brings the values that XML can write in several ways to one form before a request becomes the canonical message:
/// times to UTC with a Z, decimals without trailing zeros. The same content sent by another stack (zeep writes
/// +00:00 where JAX-WS writes Z) then has the same hash and is a duplicate, not a conflict.
/// </summary>
public static partial class CanonicalForm
{
    public static void Normalize(SubmitInventoryRequest request) => request.SentAt = Time(request.SentAt);

    public static void Normalize(SubmitDocumentRequest request) => request.SentAt = Time(request.SentAt);

    public static void Normalize(SubmitProductsRequest request)
    {
        request.SentAt = Time(request.SentAt);
        foreach (var product in request.Products.Product)
        {
            product.Price = Decimal(product.Price);
            if (product.Weight is { } weight)
            {
                weight.Value = Decimal(weight.Value);
            }
        }
    }

    public static void Normalize(SubmitShipmentsRequest request)
    {
        request.SentAt = Time(request.SentAt);
        foreach (var shipment in request.Shipments.Shipment)
        {
            shipment.ShippedAt = Time(shipment.ShippedAt);
        }
    }

    /// <summary>An xs:dateTime as UTC, e.g. 2026-11-26T09:00:00Z; a time without a zone is taken as UTC.</summary>
    public static string Time(string value) =>
        ParseTime(value).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string value)
    {
        var text = value.Trim();
        return HasZone().IsMatch(text)
            ? XmlConvert.ToDateTimeOffset(text)
            : new DateTimeOffset(DateTime.SpecifyKind(XmlConvert.ToDateTime(text, XmlDateTimeSerializationMode.Unspecified), DateTimeKind.Utc));
    }

    /// <summary>1.250 and 1.25 are one price.</summary>
    public static decimal Decimal(decimal value) => decimal.Parse(value.ToString("G29", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(Z|[+-]\d\d:\d\d)$")]
    private static partial Regex HasZone();
}
