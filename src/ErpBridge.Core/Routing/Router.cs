using ErpBridge.Core.Intake;
using ErpBridge.Core.Messages;

namespace ErpBridge.Core.Routing;

/// <summary>Which channels a message goes to, by the configured routes.</summary>
public sealed class Router(BridgeOptions options)
{
    public IReadOnlyList<string> ChannelsFor(IncomingMessage message) => message.Channels is { } explicitChannels ? NamedChannels(explicitChannels) : message.Type switch
    {
        MessageType.Shipments => NamedChannels(message.ChannelHint),
        MessageType.Document => DocumentChannels(message.DocumentType),
        _ => RoutedOrRefused(message.Type, $"{message.Type} messages"),
    };

    /// <summary>The canonical message type a raw document type produces.</summary>
    /// <exception cref="IntakeRejectedException"><see cref="FaultCodes.UnknownDocumentType"/>: the type is not configured.</exception>
    public MessageType ProducedBy(string? documentType)
    {
        if (documentType is null || !options.DocumentTypes.TryGetValue(documentType, out var document))
        {
            throw new IntakeRejectedException(
                FaultCodes.UnknownDocumentType,
                $"DocumentType '{documentType}' is not configured; accepted types: {string.Join(", ", options.DocumentTypes.Keys.Order(StringComparer.Ordinal))}.");
        }

        return BridgeOptions.TryParseCanonical(document.Produces, out var produces)
            ? produces
            : throw new InvalidOperationException($"{BridgeOptions.Section}:DocumentTypes:{documentType}:Produces '{document.Produces}' passed validation but is no canonical type.");
    }

    /// <summary>The channels the routes name for a document of this type producing stock or products; none is a refusal with NoRoute.</summary>
    public IReadOnlyList<string> DocumentRoute(string documentType, MessageType produces) =>
        RoutedOrRefused(produces, $"DocumentType '{documentType}' (it produces {produces})");

    /// <summary>The configured channel of that name (names compare ignoring case), spelt as configured; null if none.</summary>
    public string? ConfiguredChannel(string name) =>
        options.Channels.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Shipments name their store; each name must be a configured channel.</summary>
    private List<string> NamedChannels(IReadOnlyList<string> names)
    {
        var unknown = names.Where(n => !options.Channels.ContainsKey(n)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (unknown.Count > 0)
        {
            throw new IntakeRejectedException(
                FaultCodes.UnknownChannel,
                $"Channel '{unknown[0]}' is not configured; configured channels: {string.Join(", ", options.Channels.Keys.Order(StringComparer.Ordinal))}.");
        }

        return names.Select(n => options.Channels.Keys.First(k => string.Equals(k, n, StringComparison.OrdinalIgnoreCase)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Shipments are not routed by configuration but by their orders (<see cref="ShipmentRouter"/>).</summary>
    private IReadOnlyList<string> DocumentChannels(string? documentType)
    {
        var produces = ProducedBy(documentType);
        return produces != MessageType.Shipments
            ? DocumentRoute(documentType!, produces)
            : throw new InvalidOperationException($"DocumentType '{documentType}' produces shipments, which go to the channels of their orders.");
    }

    /// <summary>
    /// The routed channels; none is a refusal (<see cref="FaultCodes.NoRoute"/>): a message stored for no channel would
    /// be acknowledged to the ERP and then never delivered anywhere.
    /// </summary>
    private List<string> RoutedOrRefused(MessageType type, string what)
    {
        var channels = Routed(type);
        return channels.Count > 0
            ? channels
            : throw new IntakeRejectedException(
                FaultCodes.NoRoute,
                $"No channel is routed for {what}: {BridgeOptions.Section}:Routes:{type} names no configured channel. The message was not stored.");
    }

    /// <summary>The configured channel names, spelt as their keys and once each.</summary>
    private List<string> Routed(MessageType type) =>
        options.Routes.TryGetValue(type.ToString(), out var channels)
            ? (channels ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => options.Channels.Keys.FirstOrDefault(k => string.Equals(k, c, StringComparison.OrdinalIgnoreCase)) ?? c).Distinct(StringComparer.Ordinal).ToList()
            : [];
}
