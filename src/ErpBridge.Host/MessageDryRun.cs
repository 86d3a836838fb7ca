using System.Xml.Linq;
using ErpBridge.Connectors;
using ErpBridge.Core.Messages;
using ErpBridge.Delivery;
using ErpBridge.Mapping.Maps;
using ErpBridge.Mapping.Plans;

namespace ErpBridge.Host;

/// <summary>
/// The exact HTTP calls a message would make on a channel, nothing sent: for the <c>dry-run</c> command and a
/// message's page in the console. Ids are resolved on the platform (read-only calls); no database is read.
/// </summary>
public static class MessageDryRun
{
    /// <summary>The calls for a canonical message, or for a raw ERP document of <paramref name="documentType"/> mapped first as the intake does.</summary>
    /// <returns>
    /// The message's id and type, the channel's platform, how many calls that publish a product drafted for lack of a
    /// price are left out (they are decided from the database at delivery), and the calls.
    /// </returns>
    /// <exception cref="MappingFailedException">A map failed, or the document is not a canonical message.</exception>
    /// <exception cref="PlanFormatException">A map's plan is not well formed.</exception>
    /// <exception cref="InvalidOperationException">No such channel.</exception>
    public static async Task<(string MessageId, MessageType Type, string Platform, int DecidedAtDelivery, IReadOnlyList<PreparedCall> Calls)> PlanAsync(
        IServiceProvider services, string channel, XDocument document, string? documentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(document);
        var registry = services.GetRequiredService<ConnectorRegistry>();
        var maps = services.GetRequiredService<IMessageMaps>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var platform = registry.PlatformOf(channel);
        var canonical = documentType is null ? document : maps.ToCanonical(documentType, document.Root!, MapParameters.Inbound("DRY-RUN", now, "DRY-RUN"));
        var type = CanonicalMessage.TypeOf(canonical) ?? throw new MappingFailedException($"'{canonical.Root?.Name}' is not a canonical message (SubmitInventory, SubmitProducts, SubmitShipments).");
        var messageId = canonical.Root!.Elements().FirstOrDefault(e => e.Name.LocalName == "MessageId")?.Value ?? "DRY-RUN";
        var items = CanonicalMessage.Parse(type, canonical);
        var mapped = RequestPlan.Parse(maps.ToPlan(
            platform, type, canonical, MapParameters.Outbound(messageId, channel, DeliveryPipeline.IdempotencyKey(messageId, channel, items.Keys), registry.MapParametersOf(channel))));

        // Whether a price call also publishes a product drafted for lack of a price is decided from the database at
        // delivery; a dry run reads none, so those calls are left out and counted.
        var plan = new PriceDraftLedger().Decide(mapped);
        var decidedAtDelivery = mapped.Calls.Count(c => c.Condition?.Kind == PlanCall.PriceDraftKind);
        var calls = await registry.For(channel).PrepareAsync(plan, cancellationToken);
        return (messageId, type, platform, decidedAtDelivery, calls);
    }
}
