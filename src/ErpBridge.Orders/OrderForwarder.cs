using System.Globalization;
using ErpBridge.Core.Intake;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Orders;
using ErpBridge.Core.Routing;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Orders;

/// <summary>
/// Forwards web orders to the channels that receive them (ErpBridge:Routes:Orders, shipping software): each order
/// revision read by a poll becomes an <see cref="MessageType.Orders"/> message, accepted before the poll stores the
/// page, so that delivery's durable retries, pacing, pauses and dead letters carry it. The MessageId is the order and
/// its state, so reading the same state again (the poll's overlap, or a poll repeated after a crash) is a duplicate.
/// </summary>
public sealed class OrderForwarder(BridgeOptions options, ILogger<OrderForwarder> logger, IntakeService? intake = null)
{
    /// <summary>The SourceSystem and client of forwarded orders (in status, the console and the audit).</summary>
    public const string SourceSystem = "erpbridge-orders";

    private const int MaxMessageIdLength = 128;

    /// <summary>Whether any channel receives orders; without the route, polling forwards nothing.</summary>
    public bool Enabled =>
        options.Routes.TryGetValue(nameof(MessageType.Orders), out var channels) && (channels ?? []).Any(c => !string.IsNullOrWhiteSpace(c));

    /// <summary>Accepts one Orders message per revision; returns how many were new (the others were duplicates).</summary>
    public async Task<int> ForwardAsync(IReadOnlyList<OrderRevision> revisions, CancellationToken cancellationToken)
    {
        if (revisions.Count == 0 || !Enabled)
        {
            return 0;
        }

        var service = intake ?? throw new InvalidOperationException("Orders are routed, but the host registered no IntakeService to accept them.");
        var accepted = 0;
        foreach (var revision in revisions)
        {
            var message = new IncomingMessage(
                MessageIdOf(revision), MessageType.Orders, null, SourceSystem, revision.PlatformUpdatedAt, revision.CanonicalXml, revision.ContentHash, []);
            var receipt = await service.AcceptAsync(message, SourceSystem, $"order-poll-{revision.Channel}", cancellationToken);
            if (!receipt.Duplicate)
            {
                accepted++;
                logger.LogInformation(
                    "Channel {Channel}: order {OrderNumber} forwarded to {Channels} as message {MessageId}",
                    revision.Channel, revision.OrderNumber, string.Join(", ", receipt.Channels), message.MessageId);
            }
        }

        return accepted;
    }

    /// <summary>
    /// <c>order:{OrderId}@{updated time in Unix ms}-{content hash prefix}</c>: a state of the order read again is the same
    /// message, a new state (or the same content with a new time, or a content changed by an edited map) a new one.
    /// An order id too long for the 128 characters of a MessageId is replaced by its hash.
    /// </summary>
    public static string MessageIdOf(OrderRevision revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        var suffix = $"@{revision.PlatformUpdatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}-{revision.ContentHash[..Math.Min(12, revision.ContentHash.Length)]}";
        var head = $"order:{revision.OrderId}";
        return head.Length + suffix.Length <= MaxMessageIdLength ? head + suffix : $"order:{ContentHash.Of(revision.OrderId)[..40]}{suffix}";
    }
}
