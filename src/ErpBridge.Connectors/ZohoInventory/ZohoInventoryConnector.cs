using System.Text.Json;
using System.Text.Json.Nodes;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;
using ErpBridge.Mapping.Plans;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Connectors.ZohoInventory;

/// <summary>
/// One Zoho Inventory organisation as a channel: executes request plans through the shared <see cref="PlanSender{TIds}"/>
/// (items by SKU; stock as inventory adjustments by the difference to the stock on hand read just before, made once
/// per reference_number), and is the channel's <see cref="IStockReader"/>. Outcomes are values; see <see cref="IChannelConnector"/>.
/// </summary>
public sealed class ZohoInventoryConnector : IChannelConnector, IStockReader, IPlanSteps<Dictionary<ReferenceKey, string?>>
{
    private const string AdjustmentsPath = "inventoryadjustments";
    private readonly ExpiringIdCache<ReferenceKey, string> cache;
    private readonly ZohoInventoryIdResolver resolver;
    private readonly ZohoInventoryStockReader stockReader;
    private readonly PlanSender<Dictionary<ReferenceKey, string?>> sender;
    private readonly ZohoInventoryPacer pacer;
    private readonly ZohoInventoryToken token;

    internal ZohoInventoryConnector(
        string channel, ChannelOptions channelOptions, Uri accountsUrl, ZohoInventoryPacer pacer, ZohoInventoryConnectorOptions options, IHttpClientFactory clients, ILogger logger)
    {
        Channel = channel;
        this.pacer = pacer;
        var transport = ZohoInventoryTransport.Create(clients, channel, channelOptions, accountsUrl, pacer, options, logger, out token);
        cache = new ExpiringIdCache<ReferenceKey, string>(options.TimeProvider, options.FoundTtl, options.MissingTtl);
        resolver = new ZohoInventoryIdResolver(transport, cache, channelOptions, options);
        stockReader = new ZohoInventoryStockReader(resolver, channelOptions, channel);
        sender = new PlanSender<Dictionary<ReferenceKey, string?>>(this, transport);
    }

    public string Channel { get; }

    public string Platform => Core.Routing.Platform.ZohoInventory;

    /// <summary>Requests the organisation's daily budget still allows the bridge today (UTC), its reserve left out.</summary>
    public int RemainingDailyRequests => pacer.RemainingToday;

    /// <summary>How many access tokens this channel obtained from its refresh token.</summary>
    public int TokenRenewals => token.Renewals;

    public Task<DeliveryOutcome> ExecuteAsync(RequestPlan plan, CancellationToken cancellationToken) => sender.ExecuteAsync(plan, cancellationToken);

    public Task<IReadOnlyList<PreparedCall>> PrepareAsync(RequestPlan plan, CancellationToken cancellationToken) => sender.PrepareAsync(plan, cancellationToken);

    /// <summary>One page of <c>GET items</c> (at most 200 items), as levels by SKU and ERP location code with the stock on hand.</summary>
    public Task<StockReadResult> ReadStockAsync(StockQuery query, CancellationToken cancellationToken) => stockReader.ReadAsync(query, cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    async Task<(Dictionary<ReferenceKey, string?>? Ids, DeliveryOutcome? Failure)> IPlanSteps<Dictionary<ReferenceKey, string?>>.ResolveAsync(
        RequestPlan plan, CancellationToken cancellationToken)
    {
        var references = PlanReferences.Of(plan);
        if (references.Wanted.FirstOrDefault(r => !ZohoInventoryReferenceKinds.IsKnown(r.Kind)) is { Kind: not null } unknown)
        {
            return (null, new DeliveryOutcome.PermanentFailure(ZohoInventoryReferenceKinds.NotFound(unknown, Channel)));
        }

        foreach (var reference in references.Required)
        {
            cache.ForgetMissing(reference);
        }

        var (ids, failure) = await resolver.ResolveAsync([.. references.Wanted], cancellationToken);
        return failure is null ? (ids, null) : (null, FailureContext.Add(failure, "looking up platform ids"));
    }

    string? IPlanSteps<Dictionary<ReferenceKey, string?>>.Unresolvable(PlanReference reference, Dictionary<ReferenceKey, string?> live) =>
        live.GetValueOrDefault(new ReferenceKey(reference.Kind, reference.Key)) is null ? ZohoInventoryReferenceKinds.NotFound(new ReferenceKey(reference.Kind, reference.Key), Channel) : null;

    PlannedCall IPlanSteps<Dictionary<ReferenceKey, string?>>.Build(PlanCall call, Dictionary<ReferenceKey, string?> initial, Dictionary<ReferenceKey, string?> live)
    {
        var built = PlanCallBuilder.Build(call, initial, live, key => ZohoInventoryReferenceKinds.NotFound(key, Channel), Uri.EscapeDataString, Uri.EscapeDataString);
        if (call.Path == AdjustmentsPath && built.Requests is [{ Body: { } body }] && !HasLines(body)
            && call.Body?.Descendants().Any(e => e.Attribute(PlanItems.ItemAttribute) is not null) == true)
        {
            // Every line's stock on hand is at the ERP's level already: an adjustment of nothing is not made. (A call
            // whose lines were all left out as failed items is not skipped here: the sender reports those items.)
            return PlannedCall.Skipped("every line is at the ERP's level already");
        }

        return built;
    }

    Dictionary<ReferenceKey, string?> IPlanSteps<Dictionary<ReferenceKey, string?>>.Copy(Dictionary<ReferenceKey, string?> ids) => new(ids);

    DeliveryOutcome? IPlanSteps<Dictionary<ReferenceKey, string?>>.Complete(
        PlanCall call, PlannedRequest request, TransportResponse response, Dictionary<ReferenceKey, string?> live, IDictionary<string, string> platformIds)
    {
        if (response.Status == 404 && call.PathParameters.Count > 0)
        {
            // The item was deleted in Zoho since its id was cached: forget it; the next attempt creates it again.
            foreach (var parameter in call.PathParameters)
            {
                cache.Forget(new ReferenceKey(parameter.Kind, parameter.Key));
            }

            return new DeliveryOutcome.TransientFailure($"{Reason(response.Failure!)}; the cached ids in its path are forgotten and looked up again on the next attempt");
        }

        if ((response.Failure ?? ZohoInventoryOutcomes.CodeFailure(response.Body, $"{call.Method} {call.Path}", Channel)) is { } failure)
        {
            return failure;
        }

        Record(call, response.Body, live, platformIds);
        return null;
    }

    private static string Reason(DeliveryOutcome failure) => failure is DeliveryOutcome.PermanentFailure permanent ? permanent.Reason : failure.ToString();

    private static bool HasLines(byte[] body) =>
        JsonNode.Parse(body) is JsonObject root && root["line_items"] is JsonArray { Count: > 0 };

    /// <summary>Takes note of what a call created: an item's id (also into the cache), an adjustment's id.</summary>
    private void Record(PlanCall call, byte[] body, Dictionary<ReferenceKey, string?> live, IDictionary<string, string> platformIds)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.TryGetProperty("item", out var item) && item.ValueKind == JsonValueKind.Object
                && item.TryGetProperty("item_id", out var id) && item.TryGetProperty("sku", out var sku) && sku.GetString() is { Length: > 0 } itemSku)
            {
                var key = new ReferenceKey(ZohoInventoryReferenceKinds.Item, itemSku);
                live[key] = id.ToString();
                cache.Found(key, id.ToString());
                platformIds[$"item:{itemSku}"] = id.ToString();
            }

            if (root.TryGetProperty("inventory_adjustment", out var adjustment) && adjustment.ValueKind == JsonValueKind.Object
                && adjustment.TryGetProperty("inventory_adjustment_id", out var adjustmentId))
            {
                platformIds[$"adjustment:{call.Id}"] = adjustmentId.ToString();
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // A success whose body is not the expected JSON still succeeded; there is just nothing to record.
        }
    }
}
