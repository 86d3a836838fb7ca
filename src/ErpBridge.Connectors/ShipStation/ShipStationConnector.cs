using System.Text.Json;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;
using ErpBridge.Mapping.Plans;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Connectors.ShipStation;

/// <summary>
/// One ShipStation account (API v1) as a shipping channel: receives web orders as request plans
/// (<c>POST orders/createorder</c>, keyed by orderKey, so that a resend or a later revision updates the same order)
/// through the shared <see cref="PlanSender{TIds}"/>, and is the channel's <see cref="IShipmentSource"/> (labels bought,
/// <c>GET shipments</c>) on the same client, credentials and pacing. Its plans refer to no platform ids: the bridge's OrderId is the
/// orderKey, which ShipStation itself resolves. Outcomes are values; see <see cref="IChannelConnector"/>.
/// </summary>
public sealed class ShipStationConnector : IChannelConnector, IShipmentSource, IPlanSteps<Dictionary<ReferenceKey, string?>>
{
    private readonly PlanSender<Dictionary<ReferenceKey, string?>> sender;
    private readonly ShipStationShipmentReader shipments;

    internal ShipStationConnector(string channel, ChannelOptions channelOptions, ShipStationConnectorOptions options, IHttpClientFactory clients, ILogger logger)
    {
        Channel = channel;
        var transport = ShipStationTransport.Create(clients, channel, channelOptions, options, logger);
        sender = new PlanSender<Dictionary<ReferenceKey, string?>>(this, transport);
        shipments = new ShipStationShipmentReader(transport, channel);
    }

    public string Channel { get; }

    public string Platform => Core.Routing.Platform.ShipStation;

    public Task<DeliveryOutcome> ExecuteAsync(RequestPlan plan, CancellationToken cancellationToken) => sender.ExecuteAsync(plan, cancellationToken);

    public Task<IReadOnlyList<PreparedCall>> PrepareAsync(RequestPlan plan, CancellationToken cancellationToken) => sender.PrepareAsync(plan, cancellationToken);

    /// <summary>Labels created since the query's time, 500 a page at most, each with its items; see <see cref="ShipStationShipmentReader"/>.</summary>
    public Task<ShipmentReadResult> ReadShipmentsAsync(ShipmentQuery query, CancellationToken cancellationToken) =>
        shipments.ReadAsync(query, cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    Task<(Dictionary<ReferenceKey, string?>? Ids, DeliveryOutcome? Failure)> IPlanSteps<Dictionary<ReferenceKey, string?>>.ResolveAsync(
        RequestPlan plan, CancellationToken cancellationToken)
    {
        var unknown = PlanReferences.Of(plan).Wanted.FirstOrDefault();
        return Task.FromResult<(Dictionary<ReferenceKey, string?>?, DeliveryOutcome?)>(unknown == default
            ? (new Dictionary<ReferenceKey, string?>(), null)
            : (null, new DeliveryOutcome.PermanentFailure(NotFound(unknown))));
    }

    string? IPlanSteps<Dictionary<ReferenceKey, string?>>.Unresolvable(PlanReference reference, Dictionary<ReferenceKey, string?> live) =>
        NotFound(new ReferenceKey(reference.Kind, reference.Key));

    PlannedCall IPlanSteps<Dictionary<ReferenceKey, string?>>.Build(PlanCall call, Dictionary<ReferenceKey, string?> initial, Dictionary<ReferenceKey, string?> live) =>
        PlanCallBuilder.Build(call, initial, live, NotFound, Uri.EscapeDataString, Uri.EscapeDataString);

    Dictionary<ReferenceKey, string?> IPlanSteps<Dictionary<ReferenceKey, string?>>.Copy(Dictionary<ReferenceKey, string?> ids) => new(ids);

    DeliveryOutcome? IPlanSteps<Dictionary<ReferenceKey, string?>>.Complete(
        PlanCall call, PlannedRequest request, TransportResponse response, Dictionary<ReferenceKey, string?> live, IDictionary<string, string> platformIds)
    {
        if (response.Failure is not null)
        {
            return response.Failure;
        }

        Record(response.Body, platformIds);
        return null;
    }

    /// <summary>ShipStation's orderId of a created or updated order, for the delivery's history.</summary>
    private static void Record(byte[] body, IDictionary<string, string> platformIds)
    {
        if (body.Length == 0)
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("orderId", out var orderId)
                && root.TryGetProperty("orderKey", out var orderKey) && orderKey.ValueKind == JsonValueKind.String)
            {
                platformIds[$"order:{orderKey.GetString()}"] = orderId.GetRawText();
            }
        }
        catch (JsonException)
        {
            // A success whose body is not the expected JSON still succeeded; there is just nothing to record.
        }
    }

    private string NotFound(ReferenceKey key) =>
        $"ShipStation plans refer to no platform ids, but this one names {key.Kind} '{key.Key}' (channel '{Channel}'); check the map";
}
