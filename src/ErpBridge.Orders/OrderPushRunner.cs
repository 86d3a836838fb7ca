using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Metrics;
using ErpBridge.Core.Orders;
using ErpBridge.ErpPush;
using ErpBridge.Mapping.Maps;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Orders;

/// <summary>
/// Pushes a channel's due order revisions to its ERP endpoint, one at a time in the order they changed. Retries are
/// durable (the store keeps attempts and the next attempt's time), with exponential backoff and jitter; after
/// MaxPushAttempts, or on a refusal, the order is Failed for an operator to resubmit. Each hand-over has one MessageId
/// for all its retries, so a receiver that processes each MessageId once never takes a revision twice.
/// </summary>
public sealed class OrderPushRunner(
    IOrderStore store,
    ErpEndpoints endpoints,
    ErpDocumentBuilder documents,
    OrdersOptions options,
    TimeProvider time,
    ILogger<OrderPushRunner> logger,
    BridgeMetrics? metrics = null)
{
    private const int BatchSize = 20;
    private readonly BackoffPolicy backoff = options.PushBackoff();

    /// <summary>Pushes until nothing is due or the run has taken a minute; returns how many hand-overs were tried.</summary>
    public async Task<int> RunAsync(string channel, CancellationToken cancellationToken)
    {
        var endpointName = options.For(channel).ErpEndpoint
            ?? throw new InvalidOperationException($"Channel '{channel}' pushes orders but names no ERP endpoint.");
        var endpoint = endpoints.Options(endpointName);
        var pusher = endpoints.Pusher(endpointName);
        var lease = endpoint.Timeout + endpoint.Timeout + TimeSpan.FromMinutes(1);
        var started = time.GetUtcNow();
        var tried = 0;
        while (time.GetUtcNow() - started < TimeSpan.FromMinutes(1))
        {
            var due = await store.ClaimPushesAsync(channel, BatchSize, time.GetUtcNow(), lease, cancellationToken);
            foreach (var order in due)
            {
                var completion = await PushAsync(order, endpointName, endpoint, pusher, cancellationToken);
                await store.CompletePushAsync(completion, time.GetUtcNow(), CancellationToken.None);
                metrics?.ErpPush(endpointName, completion.Permanent ? "Failed" : completion.ErpDocumentNumber is null ? "Retry" : "Accepted");
                tried++;
            }

            if (due.Count < BatchSize)
            {
                break;
            }
        }

        return tried;
    }

    /// <summary>The MessageId of one hand-over: the same for every retry of a revision, new for each revision.</summary>
    public static string HandOverId(string orderId, long revision) =>
        "ORD-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{orderId}#{revision}")))[..32];

    private async Task<PushCompletion> PushAsync(PendingOrder order, string endpointName, ErpEndpointOptions endpoint, IErpOrderPusher pusher, CancellationToken cancellationToken)
    {
        var messageId = HandOverId(order.OrderId, order.Revision);
        var changeType = order.ChangeType.ToString();
        XElement document;
        try
        {
            document = documents.Build(XDocument.Parse(order.CanonicalXml), changeType, messageId, endpoint.Map, endpoint.MapParameters);
        }
        catch (Exception ex) when (ex is MapException or ArgumentException)
        {
            logger.LogError("Order {OrderId} revision {Revision}: the ERP map of endpoint {Endpoint} failed: {Error}", order.OrderId, order.Revision, endpointName, ex.Message);
            return new PushCompletion(order.OrderId, order.Revision, null, $"ERP map failed: {ex.Message}", Permanent: true, RetryAt: null);
        }

        var result = await pusher.PushAsync(new ErpPushRequest(messageId, changeType, document), cancellationToken);
        var attempt = order.PushAttempts + 1;
        switch (result.Outcome)
        {
            case DeliveryOutcome.Delivered:
                logger.LogInformation(
                    "Order {OrderId} revision {Revision} ({ChangeType}) handed to {Endpoint} as {ErpDocumentNumber}{Duplicate}",
                    order.OrderId, order.Revision, changeType, endpointName, result.ErpDocumentNumber, result.Duplicate ? " (the ERP had it already)" : "");
                return new PushCompletion(order.OrderId, order.Revision, result.ErpDocumentNumber, null, false, null);
            case DeliveryOutcome.TransientFailure transient when backoff.Decide(attempt, transient) is RetryDecision.Retry retry:
                var retryAt = time.GetUtcNow() + retry.Delay;
                logger.LogWarning("Order {OrderId} revision {Revision}: push attempt {Attempt} failed ({Reason}); next at {RetryAt:O}", order.OrderId, order.Revision, attempt, transient.Reason, retryAt);
                return new PushCompletion(order.OrderId, order.Revision, null, transient.Reason, false, retryAt);
            case DeliveryOutcome.TransientFailure transient:
                logger.LogError("Order {OrderId} revision {Revision}: push failed {Attempts} times, the last: {Reason}; marked Failed", order.OrderId, order.Revision, attempt, transient.Reason);
                return new PushCompletion(order.OrderId, order.Revision, null, $"gave up after {attempt} attempts: {transient.Reason}", true, null);
            case DeliveryOutcome.PermanentFailure permanent:
                logger.LogError("Order {OrderId} revision {Revision}: the ERP refused it: {Reason}", order.OrderId, order.Revision, permanent.Reason);
                return new PushCompletion(order.OrderId, order.Revision, null, permanent.Reason, true, null);
            default:
                throw new InvalidOperationException($"Unexpected push outcome {result.Outcome}.");
        }
    }
}
