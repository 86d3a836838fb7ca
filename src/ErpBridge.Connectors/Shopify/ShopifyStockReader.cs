using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Connectors.Shopify;

/// <summary>
/// Reads a shop's stock for reconciliation with one bulk query (<see cref="ShopifyDocuments.StockBulkQuery"/>) instead
/// of paged queries, then streams its JSONL result page by page. Tokens: <c>bulk:{n}</c> while the operation runs
/// (empty pages with a retry delay), <c>bulk:{n}:{byte offset}</c> while streaming, the offset always at an item's
/// line so a page never splits an item from its levels. Each page fetches the result from its offset with an HTTP
/// Range request (skipping to it when the server ignores Range), so a restarted bridge resumes from a saved token
/// after finding the result URL again through <c>bulkOperation(id:)</c>. The result URL is signed and is fetched
/// without the access token.
/// </summary>
internal sealed partial class ShopifyStockReader(
    string channel, ChannelOptions channelOptions, ConnectorTransport transport, ShopifyConnectorOptions options, RetryAfterReader waits, ILogger logger,
    Func<string, object, CancellationToken, Task<ShopifyCallResult>> query)
{
    /// <summary>The most levels one page holds; larger asks are capped (a page is read from one Range request).</summary>
    public const int MaxPageSize = 10_000;

    private const string TokenPrefix = "bulk:";
    private const string OperationGid = "gid://shopify/BulkOperation/";
    private const int ChunkSize = 64 * 1024;

    private readonly Dictionary<string, string> codesByLocationId = ReverseLocations(channelOptions);
    private (long Operation, string Url)? knownUrl;

    public async Task<StockReadResult> ReadAsync(StockQuery stockQuery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stockQuery);
        var pageSize = Math.Clamp(stockQuery.PageSize, 1, MaxPageSize);
        if (stockQuery.PageToken is null)
        {
            return await StartAsync(cancellationToken);
        }

        if (!TryParse(stockQuery.PageToken, out var operation, out var offset))
        {
            return StockReadResult.Failed(new DeliveryOutcome.PermanentFailure($"'{stockQuery.PageToken}' is not a Shopify stock page token of channel '{channel}'"));
        }

        return offset is { } start
            ? await StreamAsync(operation, start, pageSize, cancellationToken)
            : await PollAsync(operation, pageSize, cancellationToken);
    }

    private async Task<StockReadResult> StartAsync(CancellationToken cancellationToken)
    {
        var result = await query(ShopifyDocuments.RunBulkQuery, new { query = ShopifyDocuments.StockBulkQuery }, cancellationToken);
        if (result.Failure is DeliveryOutcome.PermanentFailure { Reason: var reason } && reason.Contains("OPERATION_IN_PROGRESS", StringComparison.Ordinal))
        {
            return await TakeOverAsync(reason, cancellationToken);
        }

        if (result.Failure is not null)
        {
            return StockReadResult.Failed(result.Failure);
        }

        var id = result.Data.GetProperty("bulkOperationRunQuery").GetProperty("bulkOperation").GetProperty("id").GetString()!;
        LogStarted(logger, channel, id);
        return Waiting(Number(id));
    }

    /// <summary>
    /// Shopify runs one bulk query per shop. When it is this same stock query (a bridge stopped before saving the
    /// first token), reading continues with it; another app's or channel's query is waited for.
    /// </summary>
    private async Task<StockReadResult> TakeOverAsync(string reason, CancellationToken cancellationToken)
    {
        var current = await query(ShopifyDocuments.CurrentBulkQuery, new { }, cancellationToken);
        if (current.Failure is not null)
        {
            return StockReadResult.Failed(current.Failure);
        }

        var operation = current.Data.GetProperty("currentBulkOperation");
        if (operation.ValueKind == JsonValueKind.Object && operation.GetProperty("query").GetString() == ShopifyDocuments.StockBulkQuery)
        {
            return Waiting(Number(operation.GetProperty("id").GetString()!));
        }

        return StockReadResult.Failed(new DeliveryOutcome.TransientFailure($"another bulk query runs on Shopify channel '{channel}' ({reason})", options.BulkPollInterval * 5));
    }

    private async Task<StockReadResult> PollAsync(long operation, int pageSize, CancellationToken cancellationToken)
    {
        var (url, failure, running) = await FindResultAsync(operation, cancellationToken);
        if (failure is not null)
        {
            return StockReadResult.Failed(failure);
        }

        if (running)
        {
            return Waiting(operation);
        }

        return url is null ? StockReadResult.Of(new StockPage([], null)) : await StreamAsync(operation, 0, pageSize, cancellationToken);
    }

    /// <summary>The result URL of a completed operation (null when it found nothing), whether it still runs, or why it failed.</summary>
    private async Task<(string? Url, DeliveryOutcome? Failure, bool Running)> FindResultAsync(long operation, CancellationToken cancellationToken)
    {
        var result = await query(ShopifyDocuments.BulkOperationById, new { id = OperationGid + operation.ToString(CultureInfo.InvariantCulture) }, cancellationToken);
        if (result.Failure is not null)
        {
            return (null, result.Failure, false);
        }

        var node = result.Data.GetProperty("bulkOperation");
        if (node.ValueKind != JsonValueKind.Object)
        {
            return (null, new DeliveryOutcome.PermanentFailure($"bulk operation {operation} does not exist on Shopify channel '{channel}'; start the read again"), false);
        }

        var status = node.GetProperty("status").GetString();
        switch (status)
        {
            case "CREATED" or "RUNNING":
                return (null, null, true);
            case "COMPLETED":
                var url = node.GetProperty("url").GetString();
                LogCompleted(logger, channel, operation, node.GetProperty("objectCount").ToString());
                if (url is not null)
                {
                    knownUrl = (operation, url);
                }

                return (url, null, false);
            default:
                var code = node.TryGetProperty("errorCode", out var error) && error.ValueKind == JsonValueKind.String ? $" ({error.GetString()})" : "";
                return (null, new DeliveryOutcome.PermanentFailure($"bulk operation {operation} on Shopify channel '{channel}' is {status}{code}; start the read again"), false);
        }
    }

    private async Task<StockReadResult> StreamAsync(long operation, long offset, int pageSize, CancellationToken cancellationToken)
    {
        var fresh = false;
        var url = knownUrl is { } known && known.Operation == operation ? known.Url : null;
        while (true)
        {
            if (url is null)
            {
                var (found, failure, running) = await FindResultAsync(operation, cancellationToken);
                if (failure is not null)
                {
                    return StockReadResult.Failed(failure);
                }

                if (running || found is null)
                {
                    return StockReadResult.Failed(new DeliveryOutcome.PermanentFailure($"bulk operation {operation} on Shopify channel '{channel}' has no result to read from offset {offset}; start the read again"));
                }

                url = found;
                fresh = true;
            }

            var (page, refused) = await ReadPageAsync(operation, url, offset, pageSize, cancellationToken);
            if (refused is null)
            {
                return page!;
            }

            // A signed URL expires; a remembered one is replaced by a freshly signed one once.
            knownUrl = null;
            if (fresh || refused is not DeliveryOutcome.PermanentFailure)
            {
                return StockReadResult.Failed(refused);
            }

            url = null;
        }
    }

    private async Task<(StockReadResult? Page, DeliveryOutcome? Failure)> ReadPageAsync(long operation, string url, long offset, int pageSize, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (offset > 0)
            {
                request.Headers.Range = new RangeHeaderValue(offset, null);
            }

            using var response = await transport.CreateClient().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            if (StatusClassifier.IsTransient(status))
            {
                return (null, new DeliveryOutcome.TransientFailure($"HTTP {status} reading the bulk result of Shopify channel '{channel}'", waits.RetryAfter(response.Headers)));
            }

            if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
            {
                return (StockReadResult.Of(new StockPage([], null)), null);
            }

            if (!response.IsSuccessStatusCode)
            {
                return (null, new DeliveryOutcome.PermanentFailure($"HTTP {status} reading the bulk result of Shopify channel '{channel}' (the signed URL may have expired)"));
            }

            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            var skip = response.StatusCode == HttpStatusCode.PartialContent ? 0 : offset;
            var page = await ReadLinesAsync(stream, operation, offset, skip, pageSize, timeout.Token);
            return (StockReadResult.Of(page), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, new DeliveryOutcome.TransientFailure($"reading the bulk result of Shopify channel '{channel}' timed out after {options.RequestTimeout.TotalSeconds:0.#} s"));
        }
        catch (HttpRequestException exception)
        {
            return (null, new DeliveryOutcome.TransientFailure($"reading the bulk result of Shopify channel '{channel}' failed: {exception.Message}"));
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return (null, new DeliveryOutcome.PermanentFailure($"the bulk result of Shopify channel '{channel}' has an unexpected line near byte {offset}: {exception.Message}"));
        }
    }

    /// <summary>
    /// Reads lines from <paramref name="offset"/> (after skipping <paramref name="skip"/> bytes the server sent before it)
    /// until the page holds <paramref name="pageSize"/> levels and the next line starts another item.
    /// </summary>
    private async Task<StockPage> ReadLinesAsync(Stream stream, long operation, long offset, long skip, int pageSize, CancellationToken cancellationToken)
    {
        var levels = new List<StockLevel>();
        var buffer = new byte[ChunkSize];
        var filled = 0;
        var position = offset;
        string? sku = null;
        string? itemId = null;
        var ended = false;
        while (true)
        {
            var newline = Array.IndexOf(buffer, (byte)'\n', 0, filled);
            if (newline < 0)
            {
                if (ended)
                {
                    if (filled > 0 && buffer.AsSpan(0, filled).Trim(" \r\t"u8).Length > 0)
                    {
                        throw new InvalidOperationException("the result ends in an unterminated line");
                    }

                    return new StockPage(levels, null);
                }

                if (filled == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken);
                if (read == 0)
                {
                    ended = true;
                    continue;
                }

                if (skip > 0)
                {
                    var dropped = (int)Math.Min(skip, read);
                    Buffer.BlockCopy(buffer, filled + dropped, buffer, filled, read - dropped);
                    skip -= dropped;
                    read -= dropped;
                }

                filled += read;
                continue;
            }

            var line = buffer.AsSpan(0, newline);
            if (line.Trim(" \r\t"u8).Length > 0)
            {
                using var json = JsonDocument.Parse(buffer.AsMemory(0, newline));
                var root = json.RootElement;
                if (!root.TryGetProperty("__parentId", out var parent))
                {
                    if (levels.Count >= pageSize)
                    {
                        return new StockPage(levels, Token(operation, position));
                    }

                    itemId = root.GetProperty("id").GetString();
                    sku = root.TryGetProperty("sku", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                }
                else if (parent.GetString() == itemId && !string.IsNullOrEmpty(sku))
                {
                    levels.Add(Level(sku, root));
                }
            }

            position += newline + 1;
            Buffer.BlockCopy(buffer, newline + 1, buffer, 0, filled - newline - 1);
            filled -= newline + 1;
        }
    }

    private StockLevel Level(string sku, JsonElement level)
    {
        var location = level.GetProperty("location");
        var id = location.GetProperty("id").GetString()!;
        var code = codesByLocationId.TryGetValue(id, out var configured) ? configured : location.GetProperty("name").GetString()!;
        long quantity = 0;
        foreach (var named in level.GetProperty("quantities").EnumerateArray())
        {
            if (named.GetProperty("name").GetString() == "available")
            {
                quantity = named.GetProperty("quantity").GetInt64();
            }
        }

        return new StockLevel(sku, code, quantity);
    }

    /// <summary>The channel's Locations read backwards (platform GID → ERP code), as delivery resolves them forwards.</summary>
    private static Dictionary<string, string> ReverseLocations(ChannelOptions options)
    {
        var reverse = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, configured) in options.Locations.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            var id = long.TryParse(configured, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? $"gid://shopify/Location/{configured}" : configured;
            reverse.TryAdd(id, code);
        }

        return reverse;
    }

    private StockReadResult Waiting(long operation) => StockReadResult.Of(new StockPage([], Token(operation, null), options.BulkPollInterval));

    private static string Token(long operation, long? offset) => offset is { } at
        ? string.Create(CultureInfo.InvariantCulture, $"{TokenPrefix}{operation}:{at}")
        : string.Create(CultureInfo.InvariantCulture, $"{TokenPrefix}{operation}");

    private static bool TryParse(string token, out long operation, out long? offset)
    {
        operation = 0;
        offset = null;
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = token[TokenPrefix.Length..].Split(':');
        if (parts.Length is < 1 or > 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out operation))
        {
            return false;
        }

        if (parts.Length == 2)
        {
            if (!long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var at))
            {
                return false;
            }

            offset = at;
        }

        return true;
    }

    private static long Number(string gid) => long.Parse(gid.AsSpan(gid.LastIndexOf('/') + 1), NumberStyles.None, CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shopify channel {Channel} started bulk stock query {Operation}")]
    private static partial void LogStarted(ILogger logger, string channel, string operation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shopify channel {Channel} bulk stock query {Operation} completed with {Objects} objects")]
    private static partial void LogCompleted(ILogger logger, string channel, long operation, string objects);
}
