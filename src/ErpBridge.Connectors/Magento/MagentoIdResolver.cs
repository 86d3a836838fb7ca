using System.Collections.Concurrent;
using System.Text.Json;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;

namespace ErpBridge.Connectors.Magento;

/// <summary>
/// Finds the MSI source code of each ERP location a plan names: the channel's Locations map first (ERP code → source
/// code, trusted as configured), then the cache, then one <c>GET V1/inventory/sources</c> for all that are left.
/// Found codes live for minutes; "no such source" for seconds, and a plan that cannot do without one asks again.
/// </summary>
internal sealed class MagentoIdResolver(ConnectorTransport transport, ChannelOptions channelOptions, MagentoConnectorOptions options) : IDisposable
{
    private static readonly KeyValuePair<string, string>[] NoHeaders = [];

    private readonly ConcurrentDictionary<string, (string? Code, DateTimeOffset Expires)> cache = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim lookups = new(1, 1);

    /// <summary>Every wanted reference's value (null = not found), or the failure the look-up came to.</summary>
    public async Task<(Dictionary<ReferenceKey, string?>? Values, DeliveryOutcome? Failure)> ResolveAsync(
        IReadOnlyCollection<ReferenceKey> wanted, IReadOnlySet<ReferenceKey> required, CancellationToken cancellationToken)
    {
        foreach (var reference in required)
        {
            if (cache.TryGetValue(reference.Key, out var entry) && entry.Code is null)
            {
                cache.TryRemove(reference.Key, out _);
            }
        }

        if (wanted.Any(r => !Known(r.Key, out _)))
        {
            // One look-up at a time per channel: concurrent deliveries wanting the same sources then share one request.
            await lookups.WaitAsync(cancellationToken);
            try
            {
                var unknown = wanted.Where(r => !Known(r.Key, out _)).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
                if (unknown.Count > 0 && await LookUp(unknown, cancellationToken) is { } failure)
                {
                    return (null, failure);
                }
            }
            finally
            {
                lookups.Release();
            }
        }

        return (wanted.ToDictionary(r => r, r => Known(r.Key, out var code) ? code : null), null);
    }

    public void Dispose() => lookups.Dispose();

    private bool Known(string locationCode, out string? sourceCode)
    {
        if (channelOptions.Locations.TryGetValue(locationCode, out var mapped))
        {
            sourceCode = mapped;
            return true;
        }

        if (cache.TryGetValue(locationCode, out var entry) && entry.Expires > options.TimeProvider.GetUtcNow())
        {
            sourceCode = entry.Code;
            return true;
        }

        sourceCode = null;
        return false;
    }

    private async Task<DeliveryOutcome?> LookUp(HashSet<string> locationCodes, CancellationToken cancellationToken)
    {
        const string path = "V1/inventory/sources";
        var result = await transport.SendAsync(HttpMethod.Get, path, null, NoHeaders, cancellationToken);
        if (result.Failure is not null)
        {
            return result.Failure;
        }

        var now = options.TimeProvider.GetUtcNow();
        try
        {
            using var document = JsonDocument.Parse(result.Body);
            foreach (var source in document.RootElement.GetProperty("items").EnumerateArray())
            {
                var code = source.GetProperty("source_code").GetString() ?? "";
                cache[code] = (code, now + options.FoundTtl);
                locationCodes.Remove(code);
            }
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // A body of another shape (a proxy's error page, a truncated answer): the next attempt may get the real one.
            return new DeliveryOutcome.TransientFailure($"unexpected response to GET {path} on channel '{transport.Channel}': {exception.Message}");
        }

        if (options.MissingTtl > TimeSpan.Zero)
        {
            foreach (var code in locationCodes)
            {
                cache[code] = (null, now + options.MissingTtl);
            }
        }

        return null;
    }
}
