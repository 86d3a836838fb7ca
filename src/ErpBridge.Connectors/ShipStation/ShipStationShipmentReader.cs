using System.Globalization;
using System.Text.Json;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors.ShipStation;

/// <summary>
/// Reads labels created since a time: <c>GET shipments?createDateStart=…&amp;includeShipmentItems=true&amp;sortBy=CreateDate&amp;sortDir=ASC&amp;page=n&amp;pageSize=…</c>,
/// answered <c>{shipments, total, page, pages}</c>. ShipStation writes and reads its times in US Pacific time without
/// an offset; they are converted both ways here. The page token is the next page number.
/// </summary>
internal sealed class ShipStationShipmentReader(ConnectorTransport transport, string channel)
{
    /// <summary>ShipStation's largest page.</summary>
    public const int MaxPageSize = 500;

    private static readonly TimeZoneInfo Pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
    private static readonly KeyValuePair<string, string>[] NoHeaders = [];

    public async Task<ShipmentReadResult> ReadAsync(ShipmentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = 1;
        if (query.PageToken is { } token && (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            return ShipmentReadResult.Failed(new DeliveryOutcome.PermanentFailure($"page token '{token}' is not a ShipStation page number (channel '{channel}'); start again without one"));
        }

        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var since = TimeZoneInfo.ConvertTime(query.CreatedSince, Pacific).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var url = $"shipments?createDateStart={Uri.EscapeDataString(since)}&includeShipmentItems=true&sortBy=CreateDate&sortDir=ASC"
            + $"&page={page.ToString(CultureInfo.InvariantCulture)}&pageSize={size.ToString(CultureInfo.InvariantCulture)}";
        var response = await transport.SendAsync(HttpMethod.Get, url, null, NoHeaders, cancellationToken);
        if (response.Failure is not null)
        {
            return ShipmentReadResult.Failed(response.Failure);
        }

        try
        {
            using var document = JsonDocument.Parse(response.Body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("shipments", out var shipments) || shipments.ValueKind != JsonValueKind.Array)
            {
                return Unexpected(url, "the answer has no shipments array");
            }

            var labels = new List<ShippedLabel>(shipments.GetArrayLength());
            foreach (var shipment in shipments.EnumerateArray())
            {
                if (Label(shipment) is not { } label)
                {
                    return Unexpected(url, "a shipment has no shipmentId, createDate or trackingNumber");
                }

                labels.Add(label);
            }

            var pages = root.TryGetProperty("pages", out var p) && p.TryGetInt32(out var count) ? count : page;
            return ShipmentReadResult.Of(new ShipmentPage(labels, page < pages ? (page + 1).ToString(CultureInfo.InvariantCulture) : null));
        }
        catch (JsonException ex)
        {
            return Unexpected(url, ex.Message);
        }
    }

    private static ShippedLabel? Label(JsonElement shipment)
    {
        if (shipment.ValueKind != JsonValueKind.Object
            || !shipment.TryGetProperty("shipmentId", out var id) || id.ValueKind != JsonValueKind.Number
            || Text(shipment, "createDate") is not { } created
            || !DateTime.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || Text(shipment, "trackingNumber") is not { } tracking)
        {
            return null;
        }

        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var createdAt = new DateTimeOffset(unspecified, Pacific.GetUtcOffset(unspecified)).ToUniversalTime();
        var lines = new List<ShippedLine>();
        if (shipment.TryGetProperty("shipmentItems", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in items.EnumerateArray())
            {
                if (Text(item, "sku") is { } sku && item.TryGetProperty("quantity", out var quantity) && quantity.TryGetInt32(out var q) && q > 0)
                {
                    lines.Add(new ShippedLine(sku, q));
                }
            }
        }

        return new ShippedLabel(
            id.GetRawText(),
            Text(shipment, "orderKey") ?? "",
            Text(shipment, "orderNumber") ?? "",
            createdAt,
            Text(shipment, "carrierCode") ?? "",
            tracking,
            null,
            shipment.TryGetProperty("voided", out var voided) && voided.ValueKind == JsonValueKind.True,
            lines);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private ShipmentReadResult Unexpected(string url, string what) =>
        ShipmentReadResult.Failed(new DeliveryOutcome.TransientFailure($"ShipStation answered GET {url} on channel '{channel}' unexpectedly: {what}"));
}
