using System.Security.Cryptography;
using System.Text;
using ErpBridge.Core.Routing;
using ErpBridge.Orders;

namespace ErpBridge.Host;

/// <summary>
/// POST /webhooks/shipping/{channel}?key=SECRET: a shipping system's notice that labels were bought (ShipStation
/// SHIP_NOTIFY). ShipStation signs nothing and its body only names a resource URL, so the call is authenticated by the
/// channel's WebhookSecret, its body is never read, and it only runs the channel's label poll now, which reads
/// ShipStation itself with the channel's credentials. Answers 202 when the poll was started, 404 for a channel without
/// webhooks, 401 for a wrong key, 503 when label polling is off.
/// </summary>
public static class ShippingWebhookEndpoint
{
    public const string Path = "/webhooks/shipping/{channel}";

    public static void MapShippingWebhooks(this WebApplication app) => app.MapPost(Path, HandleAsync).AllowAnonymous();

    private static async Task<IResult> HandleAsync(string channel, HttpRequest request, BridgeOptions bridge, ShipmentScheduler shipments, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!bridge.Channels.TryGetValue(channel, out var options) || !Platform.ReceivingOrders.Contains(options.Platform) || string.IsNullOrEmpty(options.WebhookSecret))
        {
            return Results.NotFound();
        }

        // Compared as hashes of equal length, in constant time: the key's length and content leak nothing.
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(request.Query["key"].ToString()));
        if (!CryptographicOperations.FixedTimeEquals(presented, SHA256.HashData(Encoding.UTF8.GetBytes(options.WebhookSecret))))
        {
            loggers.CreateLogger(typeof(ShippingWebhookEndpoint)).LogWarning("Shipping webhook for channel {Channel} refused: wrong key", channel);
            return Results.Unauthorized();
        }

        var started = await shipments.PollNowAsync(channel, cancellationToken);
        loggers.CreateLogger(typeof(ShippingWebhookEndpoint)).LogInformation("Shipping webhook for channel {Channel}: label poll {Started}", channel, started ? "started" : "not running (order polling is off)");
        return started ? Results.Accepted() : Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }
}
