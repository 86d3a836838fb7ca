using System.Text.Json;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;
using ErpBridge.Mapping.Plans;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Connectors.Magento;

/// <summary>
/// One Magento 2 / Adobe Commerce store view (API root <c>{BaseUrl}rest/{store}/</c>) as a channel: executes request
/// plans through the shared <see cref="PlanSender{TIds}"/>; this class adds how the plan's MSI source, order,
/// order-item and shipment references are looked up and what a save records. Outcomes are values; see
/// <see cref="IChannelConnector"/>. Also the channel's <see cref="IOrderSource"/> and <see cref="IStockReader"/>:
/// order polling and stock reads go through the same client, credentials and pacing.
/// </summary>
public sealed class MagentoConnector : IChannelConnector, IOrderSource, IStockReader, IPlanSteps<Dictionary<ReferenceKey, string?>>
{
    private readonly MagentoIdResolver resolver;
    private readonly MagentoSkuResolver skus;
    private readonly MagentoShipmentResolver sales;
    private readonly MagentoOrderReader orderReader;
    private readonly MagentoStockReader stockReader;
    private readonly PlanSender<Dictionary<ReferenceKey, string?>> sender;

    internal MagentoConnector(string channel, ChannelOptions channelOptions, Uri apiRoot, MagentoConnectorOptions options, IHttpClientFactory clients, ILogger logger)
    {
        Channel = channel;
        var transport = MagentoTransport.Create(clients, channel, channelOptions, apiRoot, options, logger);
        AuthKind = transport.Credentials.Kind;
        resolver = new MagentoIdResolver(transport, channelOptions, options);
        skus = new MagentoSkuResolver(transport, options);
        sales = new MagentoShipmentResolver(transport);
        orderReader = new MagentoOrderReader(transport);
        stockReader = new MagentoStockReader(transport, channelOptions);
        sender = new PlanSender<Dictionary<ReferenceKey, string?>>(this, transport);
    }

    public string Channel { get; }

    public string Platform => Core.Routing.Platform.Magento;

    /// <summary>"bearer" or "oauth1": how this channel's requests are authorised.</summary>
    public string AuthKind { get; }

    public Task<DeliveryOutcome> ExecuteAsync(RequestPlan plan, CancellationToken cancellationToken) => sender.ExecuteAsync(plan, cancellationToken);

    public Task<IReadOnlyList<PreparedCall>> PrepareAsync(RequestPlan plan, CancellationToken cancellationToken) => sender.PrepareAsync(plan, cancellationToken);

    /// <summary>
    /// One page of <c>GET V1/orders</c>: updated_at at or after <see cref="OrderQuery.ChangedSince"/> (to the second),
    /// oldest change first, at most 300 per page; the page token is the next page number. Each order's JSON is
    /// Magento's order object as listed, which already holds items, billing address and shipping assignments.
    /// </summary>
    public Task<OrderReadResult> ReadOrdersAsync(OrderQuery query, CancellationToken cancellationToken) =>
        orderReader.ReadAsync(query, cancellationToken);

    /// <summary>
    /// One page of <c>GET V1/inventory/source-items</c>, sorted by source_code then sku, at most 300 source items per
    /// page; the page token is "{page}:{size}". Quantity is the source item's quantity (whole units, rounded down), the
    /// figure stock deliveries set; the location is the ERP code delivery reaches that source with.
    /// </summary>
    public Task<StockReadResult> ReadStockAsync(StockQuery query, CancellationToken cancellationToken) =>
        stockReader.ReadAsync(query, cancellationToken);

    public ValueTask DisposeAsync()
    {
        resolver.Dispose();
        skus.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The same ids: nothing a Magento call creates is referred to by a later call of the plan.</summary>
    Dictionary<ReferenceKey, string?> IPlanSteps<Dictionary<ReferenceKey, string?>>.Copy(Dictionary<ReferenceKey, string?> ids) => ids;

    DeliveryOutcome? IPlanSteps<Dictionary<ReferenceKey, string?>>.Complete(
        PlanCall call, PlannedRequest request, TransportResponse response, Dictionary<ReferenceKey, string?> live, IDictionary<string, string> platformIds)
    {
        if (response.Failure is not null)
        {
            return response.Failure;
        }

        if (call.Path == MagentoPriceOutcome.Path && MagentoPriceOutcome.Read(response.Body) is { } refused)
        {
            return refused;
        }

        Record(call, response.Body, platformIds);
        return null;
    }

    async Task<(Dictionary<ReferenceKey, string?>? Ids, DeliveryOutcome? Failure)> IPlanSteps<Dictionary<ReferenceKey, string?>>.ResolveAsync(
        RequestPlan plan, CancellationToken cancellationToken)
    {
        var (wanted, required) = PlanReferences.Of(plan);
        var unknown = wanted.FirstOrDefault(r => !MagentoReferenceKinds.IsKnown(r.Kind) && !ProductPrices.IsPriceKind(r.Kind));
        if (unknown != default)
        {
            return (null, new DeliveryOutcome.PermanentFailure(MagentoReferenceKinds.NotFound(unknown, Channel)));
        }

        static bool IsSource(ReferenceKey r) => r.Kind == MagentoReferenceKinds.Source;
        var (values, failure) = await resolver.ResolveAsync(wanted.Where(IsSource).ToList(), required.Where(IsSource).ToHashSet(), cancellationToken);
        if (failure is not null)
        {
            return (null, FailureContext.Add(failure, "looking up MSI sources"));
        }

        static bool IsSku(ReferenceKey r) => r.Kind == MagentoReferenceKinds.Sku;
        var (skuValues, skuFailure) = await skus.ResolveAsync(wanted.Where(IsSku).ToList(), required.Where(IsSku).ToHashSet(), cancellationToken);
        if (skuFailure is not null)
        {
            return (null, FailureContext.Add(skuFailure, "looking up SKUs"));
        }

        foreach (var (key, value) in skuValues!)
        {
            values![key] = value;
        }

        var (salesValues, salesFailure) = await sales.ResolveAsync(wanted.Where(r => MagentoReferenceKinds.IsSales(r.Kind)).ToList(), cancellationToken);
        if (salesFailure is not null)
        {
            return (null, FailureContext.Add(salesFailure, "looking up orders and shipments"));
        }

        foreach (var (key, value) in salesValues!)
        {
            values![key] = value;
        }

        var (prices, priceFailure) = await ProductPrices.ResolveAsync(wanted, skus.LookUpPricesAsync, cancellationToken);
        if (priceFailure is not null)
        {
            return (null, FailureContext.Add(priceFailure, "looking up prices"));
        }

        foreach (var (key, value) in prices!)
        {
            values![key] = value;
        }

        return (values, null);
    }

    string? IPlanSteps<Dictionary<ReferenceKey, string?>>.Unresolvable(PlanReference reference, Dictionary<ReferenceKey, string?> live) =>
        live.GetValueOrDefault(new ReferenceKey(reference.Kind, reference.Key)) is null ? MagentoReferenceKinds.NotFound(new ReferenceKey(reference.Kind, reference.Key), Channel) : null;

    /// <summary>The request a call makes with the resolved values; or why it is skipped, or which reference is missing.</summary>
    PlannedCall IPlanSteps<Dictionary<ReferenceKey, string?>>.Build(PlanCall call, Dictionary<ReferenceKey, string?> initial, Dictionary<ReferenceKey, string?> values) =>
        PlanCallBuilder.Build(call, initial, values, key => MagentoReferenceKinds.NotFound(key, Channel), Uri.EscapeDataString, Uri.EscapeDataString);

    /// <summary>Takes note of the products a save created or updated (entity ids by SKU), and of the shipments created (by ERP ShipmentId).</summary>
    private static void Record(PlanCall call, byte[] body, IDictionary<string, string> platformIds)
    {
        if (call.Condition is { Kind: MagentoReferenceKinds.Shipment } shipped && body.Length > 0)
        {
            platformIds[$"shipment:{MagentoReferenceKinds.Split(shipped.Key).Part}"] = System.Text.Encoding.UTF8.GetString(body).Trim();
            return;
        }

        if (body.Length == 0 || !call.Path.StartsWith("V1/products", StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var id) && root.TryGetProperty("sku", out var sku)
                && sku.GetString() is { Length: > 0 } text)
            {
                platformIds[$"product:{text}"] = id.GetRawText();
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // A success whose body is not the expected JSON still succeeded; there is just nothing to record.
        }
    }
}
