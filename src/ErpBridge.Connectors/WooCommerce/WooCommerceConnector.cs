using System.Text.Json;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;
using ErpBridge.Mapping.Json;
using ErpBridge.Mapping.Plans;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Connectors.WooCommerce;

/// <summary>
/// One WooCommerce shop (<c>{BaseUrl}wp-json/wc/v3/</c>) as a channel: executes request plans through the shared
/// <see cref="PlanSender{TIds}"/>; this class adds what WooCommerce needs: the plan's stock location is checked, every
/// SKU it names is resolved first, a <c>products/batch</c> stock update is split so that variations go to their
/// parent's batch route, and order references (shipments) are read fresh from the orders they name. It is also the
/// channel's <see cref="IOrderSource"/> and <see cref="IStockReader"/>, on the same client, key, connections and pacing.
/// Outcomes are values; see <see cref="IChannelConnector"/>.
/// </summary>
public sealed class WooCommerceConnector : IChannelConnector, IOrderSource, IStockReader, IPlanSteps<WooCommerceKnown>
{
    private readonly ChannelOptions channelOptions;
    private readonly ExpiringIdCache<string, WooCommerceCatalogItem> cache;
    private readonly WooCommerceIdResolver resolver;
    private readonly WooCommerceShipmentResolver orderLookup;
    private readonly WooCommerceOrderReader orderReader;
    private readonly WooCommerceStockReader stockReader;
    private readonly PlanSender<WooCommerceKnown> sender;

    internal WooCommerceConnector(string channel, ChannelOptions channelOptions, WooCommerceConnectorOptions options, IHttpClientFactory clients, ILogger logger)
    {
        Channel = channel;
        this.channelOptions = channelOptions;
        var transport = WooCommerceTransport.Create(clients, channel, channelOptions, options, logger);
        cache = new ExpiringIdCache<string, WooCommerceCatalogItem>(options.TimeProvider, options.FoundTtl, options.MissingTtl, StringComparer.Ordinal);
        resolver = new WooCommerceIdResolver(transport, cache, options);
        orderLookup = new WooCommerceShipmentResolver(transport, channel);
        orderReader = new WooCommerceOrderReader(transport, channel);
        stockReader = new WooCommerceStockReader(transport, channelOptions, channel);
        sender = new PlanSender<WooCommerceKnown>(this, transport);
    }

    public string Channel { get; }

    public string Platform => Core.Routing.Platform.WooCommerce;

    public Task<DeliveryOutcome> ExecuteAsync(RequestPlan plan, CancellationToken cancellationToken) => sender.ExecuteAsync(plan, cancellationToken);

    public Task<IReadOnlyList<PreparedCall>> PrepareAsync(RequestPlan plan, CancellationToken cancellationToken) => sender.PrepareAsync(plan, cancellationToken);

    /// <summary>One page of the orders changed since the query's instant, oldest change first; see <see cref="WooCommerceOrderReader"/>.</summary>
    public Task<OrderReadResult> ReadOrdersAsync(OrderQuery query, CancellationToken cancellationToken) => orderReader.ReadAsync(query, cancellationToken);

    /// <summary>One page of the shop's managed stock levels, at the channel's one ERP location; see <see cref="WooCommerceStockReader"/>.</summary>
    public Task<StockReadResult> ReadStockAsync(StockQuery query, CancellationToken cancellationToken) => stockReader.ReadAsync(query, cancellationToken);

    public ValueTask DisposeAsync()
    {
        resolver.Dispose();
        return ValueTask.CompletedTask;
    }

    WooCommerceKnown IPlanSteps<WooCommerceKnown>.Copy(WooCommerceKnown ids) => ids.Copy();

    DeliveryOutcome? IPlanSteps<WooCommerceKnown>.Complete(PlanCall call, PlannedRequest request, TransportResponse response, WooCommerceKnown live, IDictionary<string, string> platformIds)
    {
        var path = request.RelativeUrl.Split('?')[0];
        if (call.PathParameters.Count > 0 && response.Status is 400 or 404 && IsInvalidId(response.Body))
        {
            return StaleIds(call.PathParameters.Select(p => p.Key), response.Failure!);
        }

        if (response.Failure is not null)
        {
            return response.Failure;
        }

        if (BatchErrors(response.Body) is { Count: > 0 } errors)
        {
            var reason = $"WooCommerce refused {errors.Count} item(s) of {call.Method} {path} (channel '{Channel}'): {string.Join("; ", errors.Take(5).Select(e => e.Text))}";
            return errors.Any(e => e.InvalidId) ? StaleIds(request.Keys, new DeliveryOutcome.PermanentFailure(reason)) : new DeliveryOutcome.PermanentFailure(reason);
        }

        Record(call.Method, path, response.Body, live.Items, platformIds);
        WooCommerceOrderRecording.Record(call, path, response.Body, live.Orders, platformIds);
        return null;
    }

    async Task<(WooCommerceKnown? Ids, DeliveryOutcome? Failure)> IPlanSteps<WooCommerceKnown>.ResolveAsync(RequestPlan plan, CancellationToken cancellationToken)
    {
        var references = PlanReferences.Of(plan);
        var wanted = references.Wanted.Select(r => (r.Kind, r.Key)).ToHashSet();
        var unknown = wanted.FirstOrDefault(r => !WooCommerceReferenceKinds.IsKnown(r.Kind) && !ProductPrices.IsPriceKind(r.Kind));
        if (unknown != default)
        {
            return (null, new DeliveryOutcome.PermanentFailure(WooCommerceReferenceKinds.NotFound(unknown.Kind, unknown.Key, null, Channel)));
        }

        if (WooCommerceStockLocation.CheckUnmarked(plan, channelOptions, Channel) is { } wrongLocation)
        {
            return (null, new DeliveryOutcome.PermanentFailure(wrongLocation));
        }

        foreach (var reference in references.Required.Where(r => !WooCommerceReferenceKinds.IsOrderKind(r.Kind) && !ProductPrices.IsPriceKind(r.Kind)))
        {
            cache.ForgetMissing(reference.Key);
        }

        var (orders, orderFailure) = await orderLookup.LookUpAsync(wanted, cancellationToken);
        if (orderFailure is not null)
        {
            return (null, FailureContext.Add(orderFailure, "looking up orders"));
        }

        var skus = wanted.Where(r => !WooCommerceReferenceKinds.IsOrderKind(r.Kind) && !ProductPrices.IsPriceKind(r.Kind)).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var (items, failure) = await resolver.ResolveAsync(skus, cancellationToken);
        if (failure is not null)
        {
            return (null, FailureContext.Add(failure, "looking up SKUs"));
        }

        var (prices, priceFailure) = await ProductPrices.ResolveAsync(references.Wanted, resolver.LookUpPricesAsync, cancellationToken);
        return priceFailure is null ? (new WooCommerceKnown(items!, orders!) { Prices = prices! }, null) : (null, FailureContext.Add(priceFailure, "looking up prices"));
    }

    /// <summary>Stock for a location the channel does not take, and a SKU the shop does not have, fail their item alone.</summary>
    string? IPlanSteps<WooCommerceKnown>.Unresolvable(PlanReference reference, WooCommerceKnown live) =>
        WooCommerceStockLocation.Check(reference, channelOptions, Channel)
        ?? (WooCommerceReferenceKinds.IsOrderKind(reference.Kind) || Select(reference.Kind, reference.Key, live, []) is not null ? null : NotFound(reference.Kind, reference.Key, live));

    /// <summary>Stock at any location but the one the channel names is not for this channel.</summary>
    public string? DeclinedLocation(string location) => WooCommerceStockLocation.Declines(location, channelOptions, Channel);

    /// <summary>The requests a call makes, given what SKUs name now; or why it is skipped, or which reference is missing.</summary>
    PlannedCall IPlanSteps<WooCommerceKnown>.Build(PlanCall call, WooCommerceKnown initial, WooCommerceKnown live)
    {
        var shipping = call.Body is null ? [] : WooCommerceOrderRecording.Shipping(call.Body, live.Orders);
        if (call.Condition is { } condition)
        {
            var found = Select(condition.Kind, condition.Key, initial, shipping) is not null;
            if (found != condition.Found)
            {
                return PlannedCall.Skipped($"condition: {condition.Kind} '{condition.Key}' is {(found ? "found" : "missing")}");
            }
        }

        var path = call.Path;
        foreach (var parameter in call.PathParameters)
        {
            if (Select(parameter.Kind, parameter.Key, live, shipping) is not { } id)
            {
                return PlannedCall.Unresolved(NotFound(parameter.Kind, parameter.Key, live));
            }

            path = path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(id), StringComparison.Ordinal);
        }

        if (call.Body is null)
        {
            return PlannedCall.Of(new PlannedRequest(WooCommerceTransport.RelativeUrl(path, call.Query), null));
        }

        var requests = new List<PlannedRequest>();
        foreach (var (partPath, partBody) in WooCommerceBatchRouting.Split(path, call.Body, sku => live.Items.GetValueOrDefault(sku)))
        {
            var (applied, unresolved) = PlanReference.Apply(partBody, r => Select(r.Kind, r.Key, live, shipping));
            if (unresolved is not null)
            {
                return PlannedCall.Unresolved(NotFound(unresolved.Kind, unresolved.Key, live));
            }

            var skus = PlanReference.Collect(partBody).Select(r => r.Key).Distinct(StringComparer.Ordinal).ToList();
            requests.Add(new PlannedRequest(WooCommerceTransport.RelativeUrl(partPath, call.Query), JsonXml.ToJsonUtf8(applied!), skus));
        }

        return new PlannedCall(requests, null, null);
    }

    /// <summary>What a reference resolves to: catalog kinds by SKU, order kinds from the order's facts.</summary>
    private static string? Select(string kind, string key, WooCommerceKnown known, IReadOnlyList<ShippedItem> shipping) =>
        ProductPrices.IsPriceKind(kind) ? known.Prices.GetValueOrDefault(new ReferenceKey(kind, key))
        : WooCommerceReferenceKinds.IsOrderKind(kind)
            ? WooCommerceReferenceKinds.SelectOrder(kind, key, known.Orders.GetValueOrDefault(WooCommerceReferenceKinds.OrderNumber(kind, key)), shipping)
            : WooCommerceReferenceKinds.Select(kind, known.Items.GetValueOrDefault(key));

    /// <summary>Why a reference the plan cannot do without is missing; an unknown order is named as such whatever part of it was asked for.</summary>
    private string NotFound(string kind, string key, WooCommerceKnown known)
    {
        if (ProductPrices.IsPriceKind(kind))
        {
            return ProductPrices.NotFound(new ReferenceKey(kind, key), Channel);
        }

        if (WooCommerceReferenceKinds.IsOrderKind(kind))
        {
            var number = WooCommerceReferenceKinds.OrderNumber(kind, key);
            return known.Orders.GetValueOrDefault(number) is null
                ? WooCommerceReferenceKinds.NotFound(WooCommerceReferenceKinds.Order, number, null, Channel)
                : WooCommerceReferenceKinds.NotFound(kind, key, null, Channel);
        }

        return WooCommerceReferenceKinds.NotFound(kind, key, known.Items.GetValueOrDefault(key), Channel);
    }

    /// <summary>Takes note of what a successful create made: product and variation ids, also into the cache.</summary>
    private void Record(string method, string path, byte[] body, Dictionary<string, WooCommerceCatalogItem?> live, IDictionary<string, string> platformIds)
    {
        if (method != "POST" || body.Length == 0)
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            var created = path.EndsWith("/batch", StringComparison.Ordinal)
                ? root.TryGetProperty("create", out var section) && section.ValueKind == JsonValueKind.Array ? section.EnumerateArray().ToList() : []
                : [root];
            foreach (var item in created.Where(i => i.ValueKind == JsonValueKind.Object && !i.TryGetProperty("error", out _)))
            {
                if (!item.TryGetProperty("id", out var id) || !item.TryGetProperty("sku", out var skuElement) || skuElement.GetString() is not { Length: > 0 } sku)
                {
                    continue;
                }

                var isVariation = item.TryGetProperty("type", out var type) && type.GetString() == "variation";
                var catalogItem = new WooCommerceCatalogItem(id.GetInt64(), isVariation && item.TryGetProperty("parent_id", out var parent) ? parent.GetInt64() : 0);
                live[sku] = catalogItem;
                cache.Found(sku, catalogItem);
                platformIds[$"{(isVariation ? "variation" : "product")}:{sku}"] = WooCommerceOutcomes.Number(catalogItem.Id);
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            // A success whose body is not the expected JSON still succeeded; there is just nothing to record.
        }
    }

    /// <summary>WooCommerce answers a batch with 200 and puts each refused item's WP_Error beside the others' results.</summary>
    private static List<(string Text, bool InvalidId)> BatchErrors(byte[] body)
    {
        var errors = new List<(string Text, bool InvalidId)>();
        if (body.Length == 0)
        {
            return errors;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return errors;
            }

            foreach (var section in document.RootElement.EnumerateObject().Where(s => s.Name is "create" or "update" or "delete" && s.Value.ValueKind == JsonValueKind.Array))
            {
                foreach (var item in section.Value.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("error", out var error) && WooCommerceOutcomes.ErrorText(error) is { } text)
                    {
                        var id = item.TryGetProperty("id", out var idElement) ? idElement.GetRawText() : "?";
                        var code = error.TryGetProperty("code", out var c) ? c.GetString() ?? "" : "";
                        errors.Add(($"{section.Name} id {id}: {text}", code.EndsWith("_invalid_id", StringComparison.Ordinal)));
                    }
                }
            }
        }
        catch (JsonException)
        {
        }

        return errors;
    }

    private static bool IsInvalidId(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("code", out var code)
                && code.GetString() is { } text && text.EndsWith("_invalid_id", StringComparison.Ordinal);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// "Invalid ID." for an id taken from the cache means the product was deleted since it was looked up: the SKUs are
    /// forgotten, and the next attempt looks them up afresh (and, for a product, takes the create branch).
    /// </summary>
    private DeliveryOutcome.TransientFailure StaleIds(IEnumerable<string> skus, DeliveryOutcome failure)
    {
        foreach (var sku in skus)
        {
            cache.Forget(sku);
        }

        var reason = failure is DeliveryOutcome.PermanentFailure permanent ? permanent.Reason : failure.ToString();
        return new DeliveryOutcome.TransientFailure($"{reason}; the cached ids are forgotten and looked up again on the next attempt");
    }
}
