using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors.BigCommerce;

/// <summary>
/// Reads orders changed since a time with the v2 API: <c>GET v2/orders?min_date_modified=…&amp;sort=date_modified:asc&amp;page=n&amp;limit=…</c>
/// (a bare JSON array; 204 or an empty array when nothing is left), then per order its lines
/// (<c>GET v2/orders/{id}/products</c>) and shipping addresses (<c>GET v2/orders/{id}/shipping_addresses</c>), which
/// replace the order's <c>products</c> and <c>shipping_addresses</c> resource links, so that each order is one
/// complete JSON object. The page token is the next page number; a short page is the last.
/// </summary>
internal sealed class BigCommerceOrderReader(ConnectorTransport transport, string channel)
{
    /// <summary>BigCommerce's largest v2 page.</summary>
    public const int MaxPageSize = 250;

    private static readonly KeyValuePair<string, string>[] NoHeaders = [];

    public async Task<OrderReadResult> ReadAsync(OrderQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (PageNumberToken.Read(query.PageToken, "BigCommerce", channel, out var badToken) is not { } page)
        {
            return badToken!;
        }

        var limit = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var url = $"v2/orders?min_date_modified={BigCommercePaths.EscapeQueryValue(Rfc2822(query.ChangedSince))}"
            + $"&sort=date_modified:asc&page={page.ToString(CultureInfo.InvariantCulture)}&limit={limit.ToString(CultureInfo.InvariantCulture)}";
        var (list, failure) = await ReadArray(url, cancellationToken);
        if (failure is not null)
        {
            return OrderReadResult.Failed(failure);
        }

        var orders = new List<PlatformOrder>(list!.Count);
        foreach (var node in list)
        {
            if (node is not JsonObject order || !TryOrderId(order, out var id))
            {
                return OrderReadResult.Failed(Unexpected(url, "an element of the order list is not an order with an id"));
            }

            if (!TryDate(order["date_modified"], out var updatedAt))
            {
                return OrderReadResult.Failed(Unexpected(url, $"order {id} has no readable date_modified"));
            }

            var merged = await MergeSubResources(order, id, cancellationToken);
            if (merged is not null)
            {
                return OrderReadResult.Failed(merged);
            }

            orders.Add(new PlatformOrder(id, id, updatedAt, order.ToJsonString()));
        }

        var next = list.Count >= limit ? (page + 1).ToString(CultureInfo.InvariantCulture) : null;
        return OrderReadResult.Of(new OrderPage(orders, next));
    }

    /// <summary>Puts the order's lines and shipping addresses in place of their resource links; null when done.</summary>
    private async Task<DeliveryOutcome?> MergeSubResources(JsonObject order, string id, CancellationToken cancellationToken)
    {
        var products = new JsonArray();
        for (var page = 1; ; page++)
        {
            var url = $"v2/orders/{id}/products?page={page.ToString(CultureInfo.InvariantCulture)}&limit={MaxPageSize.ToString(CultureInfo.InvariantCulture)}";
            var (lines, failure) = await ReadArray(url, cancellationToken);
            if (failure is not null)
            {
                return failure;
            }

            foreach (var line in lines!)
            {
                products.Add(line?.DeepClone());
            }

            if (products.Count < page * MaxPageSize)
            {
                break;
            }
        }

        var addressUrl = $"v2/orders/{id}/shipping_addresses";
        var (addresses, addressFailure) = await ReadArray(addressUrl, cancellationToken);
        if (addressFailure is not null)
        {
            return addressFailure;
        }

        order["products"] = products;
        order["shipping_addresses"] = addresses;
        return null;
    }

    /// <summary>
    /// A v2 list: a bare JSON array, or nothing (204) for an empty one. A 404 of an order's sub-resource (the order
    /// deleted while the list was read) and a body of another shape are transient: the next poll reads the list again.
    /// </summary>
    private async Task<(JsonArray? Items, DeliveryOutcome? Failure)> ReadArray(string url, CancellationToken cancellationToken)
    {
        var result = await transport.SendAsync(HttpMethod.Get, url, null, NoHeaders, cancellationToken);
        if (result.Status == 404 && url.StartsWith("v2/orders/", StringComparison.Ordinal))
        {
            return (null, new DeliveryOutcome.TransientFailure(
                $"BigCommerce 404 on GET {url} (channel '{channel}'): the order was listed but is gone; the next poll reads the list again"));
        }

        if (result.Failure is not null)
        {
            return (null, result.Failure);
        }

        if (result.Status == 204 || result.Body.Length == 0)
        {
            return ([], null);
        }

        try
        {
            return JsonNode.Parse(result.Body) is JsonArray array
                ? (array, null)
                : (null, Unexpected(url, "the body is not a JSON array"));
        }
        catch (JsonException exception)
        {
            return (null, Unexpected(url, exception.Message));
        }
    }

    private DeliveryOutcome.TransientFailure Unexpected(string url, string what) =>
        new($"unexpected response to GET {url} on channel '{channel}': {what}");

    private static bool TryOrderId(JsonObject order, out string id)
    {
        id = "";
        if (order["id"] is JsonValue value && value.TryGetValue<long>(out var number) && number > 0)
        {
            id = number.ToString(CultureInfo.InvariantCulture);
            return true;
        }

        return false;
    }

    /// <summary>v2 answers RFC 2822 (<c>Tue, 20 Nov 2012 00:00:00 +0000</c>), always in UTC.</summary>
    private static bool TryDate(JsonNode? node, out DateTimeOffset value)
    {
        value = default;
        if (node is not JsonValue text || !text.TryGetValue<string>(out var date))
        {
            return false;
        }

        var space = date.LastIndexOf(' ');
        if (space < 0 || date.Length - space != 6)
        {
            return false;
        }

        var zone = date[(space + 1)..];
        var normalized = $"{date[..space]} {zone[..3]}:{zone[3..]}";
        if (!DateTimeOffset.TryParseExact(normalized, ["ddd, dd MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm:ss zzz"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        value = parsed.ToUniversalTime();
        return true;
    }

    /// <summary>
    /// The filter in RFC 2822, UTC, cut to the second below: v2 keeps whole seconds, so an order changed in the same
    /// second as <paramref name="since"/> is still included.
    /// </summary>
    private static string Rfc2822(DateTimeOffset since)
    {
        var utc = since.ToUniversalTime();
        utc = utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond));
        return utc.ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " +0000";
    }
}
