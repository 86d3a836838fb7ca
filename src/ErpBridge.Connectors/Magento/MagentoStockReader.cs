using System.Globalization;
using System.Text.Json;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;

namespace ErpBridge.Connectors.Magento;

/// <summary>
/// Reads every MSI source item of the store, one <c>GET V1/inventory/source-items</c> search per page, sorted by
/// source_code then sku so that page n holds the same items whenever it is asked for while the table does not change.
/// The page token is "{page}:{size}": it names the page size it was made with, so a run resumed after a restart with
/// another page size still continues exactly after the last stored page. Magento answers a page past the end with the
/// last page again, so a next page is only offered while <c>total_count</c> says there is one.
/// </summary>
/// <remarks>
/// Locations are named as delivery names them (see <see cref="MagentoIdResolver"/>): a source that the channel's
/// Locations map names comes back as the ERP code mapped to it (the lowest in ordinal order if several are); any other
/// source comes back as its own code, because delivery sends an unmapped ERP code to the source with that very code.
/// The <c>default</c> source is read like any other: delivery writes it for an ERP location "default" or one mapped to
/// it. A source whose code is itself an ERP code mapped to another source is left out: no ERP code delivers to it, and
/// reporting it under that code would compare it with what was delivered elsewhere.
/// </remarks>
internal sealed class MagentoStockReader(ConnectorTransport transport, ChannelOptions channelOptions)
{
    /// <summary>Magento's largest search page when input limiting is on.</summary>
    public const int MaxPageSize = 300;

    public async Task<StockReadResult> ReadAsync(StockQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!TryReadToken(query, out var page, out var size))
        {
            return StockReadResult.Failed(new DeliveryOutcome.PermanentFailure(
                $"page token '{query.PageToken}' is not a Magento source-items page (\"page:size\") on channel '{transport.Channel}'"));
        }

        var result = await transport.SendAsync(HttpMethod.Get, RelativeUrl(size, page), null, [], cancellationToken);
        if (result.Failure is not null)
        {
            return StockReadResult.Failed(result.Failure);
        }

        try
        {
            return StockReadResult.Of(ReadPage(result.Body, size, page));
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            // A body of another shape (a proxy's error page, a truncated answer): asking again may get the real one.
            return StockReadResult.Failed(new DeliveryOutcome.TransientFailure(
                $"Magento answered GET V1/inventory/source-items on channel '{transport.Channel}' with a body that is not a source-item search result: {exception.Message}"));
        }
    }

    /// <summary>The search URL below the API root, parameters in the docs' snake_case spelling.</summary>
    internal static string RelativeUrl(int pageSize, int page)
    {
        var parameters = new (string Name, string Value)[]
        {
            ("searchCriteria[sortOrders][0][field]", "source_code"),
            ("searchCriteria[sortOrders][0][direction]", "ASC"),
            ("searchCriteria[sortOrders][1][field]", "sku"),
            ("searchCriteria[sortOrders][1][direction]", "ASC"),
            ("searchCriteria[pageSize]", pageSize.ToString(CultureInfo.InvariantCulture)),
            ("searchCriteria[currentPage]", page.ToString(CultureInfo.InvariantCulture)),
        };
        return "V1/inventory/source-items?" + string.Join("&", parameters.Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value)}"));
    }

    internal static string Token(int page, int size) => string.Create(CultureInfo.InvariantCulture, $"{page}:{size}");

    private static bool TryReadToken(StockQuery query, out int page, out int size)
    {
        if (query.PageToken is not { } token)
        {
            page = 1;
            size = Math.Clamp(query.PageSize, 1, MaxPageSize);
            return true;
        }

        var colon = token.IndexOf(':', StringComparison.Ordinal);
        size = 0;
        page = 0;
        return colon > 0
            && int.TryParse(token.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out page)
            && int.TryParse(token.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out size)
            && page >= 1 && size is >= 1 and <= MaxPageSize;
    }

    private StockPage ReadPage(byte[] body, int size, int page)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var total = root.GetProperty("total_count").GetInt64();
        var locations = LocationNames();
        var levels = new List<StockLevel>(size);
        var count = 0;
        foreach (var item in root.GetProperty("items").EnumerateArray())
        {
            count++;
            var sku = item.GetProperty("sku").GetString() ?? throw new FormatException("a source item without sku");
            var source = item.GetProperty("source_code").GetString() ?? throw new FormatException("a source item without source_code");
            if (locations.ErpCode(source) is { } location)
            {
                levels.Add(new StockLevel(sku, location, (long)decimal.Floor(item.GetProperty("quantity").GetDecimal())));
            }
        }

        var next = count > 0 && (long)page * size < total ? Token(page + 1, size) : null;
        return new StockPage(levels, next);
    }

    private MagentoLocationNames LocationNames()
    {
        var bySource = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (erpCode, sourceCode) in channelOptions.Locations.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            bySource.TryAdd(sourceCode, erpCode);
        }

        return new MagentoLocationNames(bySource, channelOptions.Locations);
    }
}

/// <summary>Source code → the ERP location code delivery reaches it with; null when no ERP code does.</summary>
internal sealed class MagentoLocationNames(Dictionary<string, string> bySource, IReadOnlyDictionary<string, string> mapped)
{
    public string? ErpCode(string sourceCode) =>
        bySource.TryGetValue(sourceCode, out var erpCode) ? erpCode
        : mapped.ContainsKey(sourceCode) ? null
        : sourceCode;
}
