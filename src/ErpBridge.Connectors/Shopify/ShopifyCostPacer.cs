using System.Collections.Concurrent;
using System.Text.Json;
using ErpBridge.Connectors.Http;

namespace ErpBridge.Connectors.Shopify;

/// <summary>
/// The channel's picture of Shopify's cost bucket, from the <c>throttleStatus</c> of each answer. A call waits until
/// its estimated cost should be available, counting what calls still in flight will take, so a burst is spread
/// over the restore rate instead of being answered THROTTLED. A query's cost is estimated from what Shopify charged
/// for the same query text before (a mutation 10, an unknown query 50, until then).
/// </summary>
internal sealed class ShopifyCostPacer(TimeProvider time, TimeSpan maxWait) : IRequestPacer
{
    private const double UnknownQueryCost = 50;

    private readonly ConcurrentDictionary<string, double> costs = new(StringComparer.Ordinal);
    private readonly object gate = new();
    private bool known;
    private double maximum;
    private double available;
    private double restoreRate;
    private double inFlight;
    private DateTimeOffset observedAt;

    /// <summary>Waits until <paramref name="cost"/> points should be there, then reserves them until <see cref="Complete"/>.</summary>
    private async Task ReserveAsync(double cost, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + maxWait;
        while (true)
        {
            TimeSpan wait;
            lock (gate)
            {
                if (time.GetUtcNow() >= deadline || (known ? Estimate() >= cost || cost > maximum : inFlight == 0))
                {
                    inFlight += cost;
                    return;
                }

                // Until the first answer tells the bucket's size, calls go one at a time.
                wait = known ? TimeSpan.FromSeconds(Math.Max((cost - Estimate()) / Math.Max(restoreRate, 1), 0.005)) : TimeSpan.FromMilliseconds(5);
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    public async ValueTask<double> WaitAsync(byte[]? body, CancellationToken cancellationToken)
    {
        var cost = EstimateCost(body);
        await ReserveAsync(cost, cancellationToken);
        return cost;
    }

    /// <summary>Releases the reservation and learns the bucket's state and the query's charged cost from the answer's cost extension.</summary>
    public void Observe(double reserved, byte[]? requestBody, HttpResponseMessage? response, byte[] body)
    {
        double? maximum = null, available = null, restore = null;
        if (body.Length > 0 && ReadCost(body) is { } cost)
        {
            (maximum, available, restore) = (cost.Maximum, cost.Available, cost.Restore);
            if (cost.Requested is { } charged && requestBody is not null && QueryText(requestBody) is { } query)
            {
                costs[query] = charged;
            }
        }

        Complete(reserved, maximum, available, restore);
    }

    /// <summary>The cost extension of a GraphQL answer (<c>extensions.cost</c>), if it has one.</summary>
    public static (double? Requested, double? Maximum, double? Available, double? Restore)? ReadCost(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return ReadCost(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static (double? Requested, double? Maximum, double? Available, double? Restore)? ReadCost(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("extensions", out var extensions) || extensions.ValueKind != JsonValueKind.Object
            || !extensions.TryGetProperty("cost", out var cost) || cost.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var throttle = cost.TryGetProperty("throttleStatus", out var status) && status.ValueKind == JsonValueKind.Object ? status : default;
        return (Number(cost, "requestedQueryCost"), Number(throttle, "maximumAvailable"), Number(throttle, "currentlyAvailable"), Number(throttle, "restoreRate"));
    }

    /// <summary>Releases a reservation and, when the answer said so, takes the bucket's state as reported.</summary>
    private void Complete(double reserved, double? maximumAvailable, double? currentlyAvailable, double? restore)
    {
        lock (gate)
        {
            inFlight = Math.Max(0, inFlight - reserved);
            if (maximumAvailable is { } max && currentlyAvailable is { } current && restore is { } rate)
            {
                known = true;
                maximum = max;
                available = current;
                restoreRate = rate;
                observedAt = time.GetUtcNow();
            }
        }
    }

    private double Estimate()
    {
        var refilled = available + ((time.GetUtcNow() - observedAt).TotalSeconds * restoreRate);
        return Math.Min(maximum, refilled) - inFlight;
    }

    private static double? Number(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private double EstimateCost(byte[]? body)
    {
        if (body is null)
        {
            return 0;
        }

        var text = QueryText(body);
        return text is null
            ? UnknownQueryCost
            : costs.TryGetValue(text, out var known) ? known : text.TrimStart().StartsWith("mutation", StringComparison.Ordinal) ? 10 : UnknownQueryCost;
    }

    /// <summary>The top-level "query" string of a GraphQL request body, read without building a document (this runs for every call).</summary>
    private static string? QueryText(byte[] body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isQuery = reader.ValueTextEquals("query"u8);
                reader.Read();
                if (isQuery)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }
}
