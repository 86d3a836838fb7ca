using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ErpBridge.Sandboxes.Magento;

/// <summary>
/// The sales calls: <c>GET V1/orders</c> (search criteria and sort orders on increment_id, entity_id, state, status,
/// created_at, updated_at, customer_email, customer_id; page size at most <paramref name="maxPageSize"/>),
/// <c>GET V1/shipments</c> (order_id, entity_id, increment_id), and <c>POST V1/order/{orderId}/ship</c>, which answers
/// the new shipment's id as a bare integer. A page past the end answers the last page again, as Magento does.
/// </summary>
internal sealed class MagentoSalesApi(MagentoOrderBook orders, int maxPageSize)
{
    public Task SearchOrders(HttpContext context)
    {
        var (criteria, error) = SearchCriteria.Parse(context.Request.Query);
        if (error is not null)
        {
            return MagentoJson.WriteError(context, error);
        }

        if (criteria!.PageSize > maxPageSize)
        {
            return MagentoJson.WriteError(context, new MagentoError(400, "Maximum SearchCriteria pageSize is %max",
                Named: new Dictionary<string, string> { ["max"] = maxPageSize.ToString(CultureInfo.InvariantCulture) }));
        }

        var matching = criteria.Sort(orders.Orders(o => criteria.Matches(field => OrderField(o, field))), OrderField);
        return MagentoJson.Write(context, 200, json => WriteResults(json, matching, criteria, MagentoSalesJson.WriteOrder));
    }

    public Task SearchShipments(HttpContext context)
    {
        var (criteria, error) = SearchCriteria.Parse(context.Request.Query);
        if (error is not null)
        {
            return MagentoJson.WriteError(context, error);
        }

        var matching = orders.Shipments(s => criteria!.Matches(field => ShipmentField(s, field)));
        return MagentoJson.Write(context, 200, json => WriteResults(json, matching, criteria!, MagentoSalesJson.WriteShipment));
    }

    public Task Ship(HttpContext context, string orderId, string body)
    {
        if (!int.TryParse(orderId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return MagentoJson.WriteError(context, MagentoError.Invalid("orderId", orderId));
        }

        var (input, error) = ReadShipment(body);
        if (error is not null)
        {
            return MagentoJson.WriteError(context, error);
        }

        var (shipment, shipError) = orders.Ship(id, input!);
        return shipError is not null
            ? MagentoJson.WriteError(context, shipError)
            : MagentoJson.Write(context, 200, json => json.WriteNumberValue(shipment!.Id));
    }

    private static (ShipmentInput? Input, MagentoError? Error) ReadShipment(string body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.Length == 0 ? "{}" : body);
        }
        catch (JsonException)
        {
            return (null, new MagentoError(400, "Decoding error: %1", ["Syntax error"]));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, new MagentoError(400, "Decoding error: %1", ["Syntax error"]));
            }

            try
            {
                var items = new List<(int, decimal)>();
                if (root.TryGetProperty("items", out var itemArray))
                {
                    foreach (var item in itemArray.EnumerateArray())
                    {
                        items.Add((item.GetProperty("order_item_id").GetInt32(), item.GetProperty("qty").GetDecimal()));
                    }
                }

                var tracks = new List<MagentoTrack>();
                if (root.TryGetProperty("tracks", out var trackArray))
                {
                    foreach (var track in trackArray.EnumerateArray())
                    {
                        var number = track.GetProperty("track_number").GetString();
                        var title = track.GetProperty("title").GetString();
                        var carrier = track.GetProperty("carrier_code").GetString();
                        if (string.IsNullOrEmpty(number) || title is null || string.IsNullOrEmpty(carrier))
                        {
                            return (null, new MagentoError(400, "Shipment Document Validation Error(s):\n%1", ["Please enter a tracking number."]));
                        }

                        tracks.Add(new MagentoTrack(number, title, carrier));
                    }
                }

                string? comment = null;
                if (root.TryGetProperty("comment", out var commentObject) && commentObject.ValueKind == JsonValueKind.Object)
                {
                    comment = commentObject.GetProperty("comment").GetString();
                }

                return (new ShipmentInput(items, tracks, comment), null);
            }
            catch (Exception exception) when (exception is InvalidOperationException or FormatException or KeyNotFoundException)
            {
                return (null, new MagentoError(400, "Decoding error: %1", [exception.Message]));
            }
        }
    }

    private static void WriteResults<T>(Utf8JsonWriter json, IReadOnlyList<T> matching, SearchCriteria criteria, Action<Utf8JsonWriter, T> write)
    {
        json.WriteStartObject();
        json.WriteStartArray("items");
        foreach (var entity in criteria.Page(matching))
        {
            write(json, entity);
        }

        json.WriteEndArray();
        json.WritePropertyName("search_criteria");
        criteria.WriteTo(json);
        json.WriteNumber("total_count", matching.Count);
        json.WriteEndObject();
    }

    private static string? OrderField(MagentoOrder order, string field) => field switch
    {
        "increment_id" => order.IncrementId,
        "entity_id" => order.Id.ToString(CultureInfo.InvariantCulture),
        "state" => order.State,
        "status" => order.Status,
        "created_at" => MagentoJson.Timestamp(order.CreatedAt),
        "updated_at" => MagentoJson.Timestamp(order.UpdatedAt),
        "customer_email" => order.Customer.Email,
        "customer_id" => order.Customer.CustomerId?.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    private static string? ShipmentField(MagentoShipment shipment, string field) => field switch
    {
        "order_id" => shipment.OrderId.ToString(CultureInfo.InvariantCulture),
        "entity_id" => shipment.Id.ToString(CultureInfo.InvariantCulture),
        "increment_id" => shipment.IncrementId,
        _ => null,
    };
}
