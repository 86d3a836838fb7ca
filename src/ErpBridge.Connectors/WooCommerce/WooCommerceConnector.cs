using System.Text.Json;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;
using ErpBridge.Mapping.Json;
using ErpBridge.Mapping.Plans;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Connectors.WooCommerce;

/// <summary>
/// Executes request plans on one WooCommerce shop (<c>{BaseUrl}wp-json/wc/v3/</c>): checks the plan's stock location,
/// resolves every SKU the plan names first, then sends the calls in order; a <c>products/batch</c> stock update is
/// split so that variations go to their parent's batch route; order references (shipments) are read fresh from the
/// orders they name. It is also the channel's <see cref="IOrderSource"/> and <see cref="IStockReader"/>, on the same
/// client, key, connections and pacing.
/// Outcomes are values; see <see cref="IChannelConnector"/>.
/// </summary>
public sealed class WooCommerceConnector : IChannelConnector, IOrderSource, IStockReader
{
    private readonly HttpClient http;
    private readonly ChannelOptions channelOptions;
    private readonly WooCommerceTransport transport;
    private readonly WooCommerceIdCache cache;
    private readonly WooCommerceReferenceResolver resolver;
    private readonly WooOrderLookup orderLookup;
    private readonly WooOrderReader orderReader;
    private readonly WooStockReader stockReader;

    internal WooCommerceConnector(string channel, ChannelOptions channelOptions, WooCommerceConnectorOptions options, ILogger logger)
    {
        Channel = channel;
        this.channelOptions = channelOptions;
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = options.MaxConnectionsPerChannel,
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        };
        http = new HttpClient(handler)
        {
            BaseAddress = new Uri($"{channelOptions.BaseUrl.TrimEnd('/')}/wp-json/wc/v3/"),
            Timeout = options.RequestTimeout,
        };
        http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        var authenticator = new WooCommerceAuthenticator(channelOptions.ConsumerKey!, channelOptions.ConsumerSecret!, options.OAuthSignatureMethod, options.TimeProvider);
        transport = new WooCommerceTransport(http, authenticator, new WooRequestPacer(options.TimeProvider, options.MaxRequestsPerSecond), options.TimeProvider, channel, logger);
        cache = new WooCommerceIdCache(options.TimeProvider, options.FoundTtl, options.MissingTtl);
        resolver = new WooCommerceReferenceResolver(transport, cache, options);
        orderLookup = new WooOrderLookup(transport, channel);
        orderReader = new WooOrderReader(transport, channel);
        stockReader = new WooStockReader(transport, channelOptions, channel);
    }

    public string Channel { get; }

    public string Platform => Core.Routing.Platform.WooCommerce;

    public async Task<DeliveryOutcome> ExecuteAsync(RequestPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        try
        {
            var (initial, failure) = await ResolveAsync(plan, cancellationToken);
            if (failure is not null)
            {
                return failure;
            }

            // Conditions are judged on the shop as it was before the plan ran (create XOR update); ids recorded by a
            // create are then available to the plan's later bodies and paths.
            var live = initial!.Copy();
            var platformIds = new Dictionary<string, string>(StringComparer.Ordinal);
            var sent = 0;
            for (var index = 0; index < plan.Calls.Count; index++)
            {
                var call = plan.Calls[index];
                var built = Build(call, initial!, live);
                if (built.SkipReason is not null)
                {
                    continue;
                }

                var where = $"call '{call.Id}' ({index + 1} of {plan.Calls.Count})";
                if (built.Missing is { } missing)
                {
                    return new DeliveryOutcome.PermanentFailure($"{missing}; {where} not sent");
                }

                foreach (var request in built.Requests)
                {
                    var result = await transport.SendAsync(new HttpMethod(call.Method), request.Path, call.Query, request.Body, call.Headers, cancellationToken);
                    if (call.PathParameters.Count > 0 && result.Status is 400 or 404 && IsInvalidId(result.Body))
                    {
                        return WithContext(StaleIds(call.PathParameters.Select(p => p.Key), result.Failure!), where, sent);
                    }

                    if (result.Failure is not null)
                    {
                        return WithContext(result.Failure, where, sent);
                    }

                    if (BatchErrors(result.Body) is { Count: > 0 } errors)
                    {
                        var reason = $"WooCommerce refused {errors.Count} item(s) of {call.Method} {request.Path} (channel '{Channel}'): {string.Join("; ", errors.Take(5).Select(e => e.Text))}";
                        var outcome = errors.Any(e => e.InvalidId)
                            ? StaleIds(request.Skus, new DeliveryOutcome.PermanentFailure(reason))
                            : (DeliveryOutcome)new DeliveryOutcome.PermanentFailure(reason);
                        return WithContext(outcome, where, sent);
                    }

                    sent++;
                    Record(call.Method, request.Path, result.Body, live.Items, platformIds);
                    WooOrderRecording.Record(call, request.Path, result.Body, live.Orders, platformIds);
                }
            }

            return new DeliveryOutcome.Delivered(platformIds, $"{sent} request(s) sent for {plan.Calls.Count} call(s) on channel '{Channel}'");
        }
        catch (Exception exception) when (exception is PlanFormatException or JsonXmlException)
        {
            return new DeliveryOutcome.PermanentFailure($"the plan cannot be sent to channel '{Channel}': {exception.Message}");
        }
    }

    /// <summary>One page of the orders changed since the query's instant, oldest change first; see <see cref="WooOrderReader"/>.</summary>
    public Task<OrderReadResult> ReadOrdersAsync(OrderQuery query, CancellationToken cancellationToken) => orderReader.ReadAsync(query, cancellationToken);

    /// <summary>One page of the shop's managed stock levels, at the channel's one ERP location; see <see cref="WooStockReader"/>.</summary>
    public Task<StockReadResult> ReadStockAsync(StockQuery query, CancellationToken cancellationToken) => stockReader.ReadAsync(query, cancellationToken);

    public async Task<IReadOnlyList<PreparedCall>> PrepareAsync(RequestPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var (initial, failure) = await ResolveAsync(plan, cancellationToken);
        if (failure is not null)
        {
            throw new WooCommercePreparationException(failure);
        }

        var prepared = new List<PreparedCall>();
        foreach (var call in plan.Calls)
        {
            var built = Build(call, initial!, initial!);
            var skip = built.SkipReason ?? (built.Missing is { } missing ? $"would fail: {missing}" : null);
            var requests = built.Requests.Count > 0 ? built.Requests : [new OutgoingRequest(call.Path, null, [])];
            foreach (var (request, part) in requests.Select((r, i) => (r, i)))
            {
                var (url, authorization) = transport.Address(call.Method, request.Path, call.Query, masked: true);
                var headers = new List<KeyValuePair<string, string>> { new("Accept", "application/json") };
                if (authorization is not null)
                {
                    headers.Add(new("Authorization", authorization.ToString()));
                }

                if (request.Body is not null)
                {
                    headers.Add(new("Content-Type", "application/json"));
                }

                headers.AddRange(call.Headers);
                var id = requests.Count > 1 ? $"{call.Id}#{part + 1}" : call.Id;
                prepared.Add(new PreparedCall(id, call.Method, url, headers,
                    request.Body is null ? null : System.Text.Encoding.UTF8.GetString(request.Body), skip));
            }
        }

        return prepared;
    }

    public ValueTask DisposeAsync()
    {
        resolver.Dispose();
        http.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<(WooKnown? Known, DeliveryOutcome? Failure)> ResolveAsync(RequestPlan plan, CancellationToken cancellationToken)
    {
        var wanted = new HashSet<(string Kind, string Key)>();
        foreach (var call in plan.Calls)
        {
            if (call.Body is not null)
            {
                wanted.UnionWith(PlanReference.Collect(call.Body).Select(r => (r.Kind, r.Key)));
            }

            if (call.Condition is { } condition)
            {
                wanted.Add((condition.Kind, condition.Key));
            }

            wanted.UnionWith(call.PathParameters.Select(p => (p.Kind, p.Key)));
        }

        var unknown = wanted.FirstOrDefault(r => !WooCommerceReferenceKinds.IsKnown(r.Kind));
        if (unknown != default)
        {
            return (null, new DeliveryOutcome.PermanentFailure(WooCommerceReferenceKinds.NotFound(unknown.Kind, unknown.Key, null, Channel)));
        }

        if (WooStockLocation.Check(plan, channelOptions, Channel) is { } wrongLocation)
        {
            return (null, new DeliveryOutcome.PermanentFailure(wrongLocation));
        }

        // A SKU a delivery fails without is looked up afresh each time: a remembered "not found" is only for the
        // optional ones, so that a SKU created after a failure is found when the operator resubmits.
        foreach (var call in plan.Calls)
        {
            foreach (var parameter in call.PathParameters.Where(p => !WooCommerceReferenceKinds.IsOrderKind(p.Kind)))
            {
                cache.ForgetMissing(parameter.Key);
            }

            if (call.Body is not null)
            {
                foreach (var reference in PlanReference.Collect(call.Body).Where(r => r.Missing == MissingReference.Fail && !WooCommerceReferenceKinds.IsOrderKind(r.Kind)))
                {
                    cache.ForgetMissing(reference.Key);
                }
            }
        }

        var (orders, orderFailure) = await orderLookup.LookUpAsync(wanted, cancellationToken);
        if (orderFailure is not null)
        {
            return (null, WithContext(orderFailure, "looking up orders", sent: 0));
        }

        var skus = wanted.Where(r => !WooCommerceReferenceKinds.IsOrderKind(r.Kind)).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var (items, failure) = await resolver.ResolveAsync(skus, cancellationToken);
        return failure is null ? (new WooKnown(items!, orders!), null) : (null, WithContext(failure, "looking up SKUs", sent: 0));
    }

    /// <summary>The requests a call makes, given what SKUs name now; or why it is skipped, or which reference is missing.</summary>
    private BuiltCall Build(PlanCall call, WooKnown initial, WooKnown live)
    {
        var shipping = call.Body is null ? [] : WooOrderRecording.Shipping(call.Body, live.Orders);
        if (call.Condition is { } condition)
        {
            var found = Select(condition.Kind, condition.Key, initial, shipping) is not null;
            if (found != condition.Found)
            {
                return new BuiltCall([], $"condition: {condition.Kind} '{condition.Key}' is {(found ? "found" : "missing")}", null);
            }
        }

        var path = call.Path;
        foreach (var parameter in call.PathParameters)
        {
            if (Select(parameter.Kind, parameter.Key, live, shipping) is not { } id)
            {
                return new BuiltCall([], null, NotFound(parameter.Kind, parameter.Key, live));
            }

            path = path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(id), StringComparison.Ordinal);
        }

        if (call.Body is null)
        {
            return new BuiltCall([new OutgoingRequest(path, null, [])], null, null);
        }

        var requests = new List<OutgoingRequest>();
        foreach (var (partPath, partBody) in WooBatchRouting.Split(path, call.Body, sku => live.Items.GetValueOrDefault(sku)))
        {
            var (applied, unresolved) = PlanReference.Apply(partBody, r => Select(r.Kind, r.Key, live, shipping));
            if (unresolved is not null)
            {
                return new BuiltCall([], null, NotFound(unresolved.Kind, unresolved.Key, live));
            }

            var skus = PlanReference.Collect(partBody).Select(r => r.Key).Distinct(StringComparer.Ordinal).ToList();
            requests.Add(new OutgoingRequest(partPath, JsonXml.ToJsonUtf8(applied!), skus));
        }

        return new BuiltCall(requests, null, null);
    }

    /// <summary>What a reference resolves to: catalog kinds by SKU, order kinds from the order's facts.</summary>
    private static string? Select(string kind, string key, WooKnown known, IReadOnlyList<ShippedItem> shipping) =>
        WooCommerceReferenceKinds.IsOrderKind(kind)
            ? WooCommerceReferenceKinds.SelectOrder(kind, key, known.Orders.GetValueOrDefault(WooCommerceReferenceKinds.OrderNumber(kind, key)), shipping)
            : WooCommerceReferenceKinds.Select(kind, known.Items.GetValueOrDefault(key));

    /// <summary>Why a reference the plan cannot do without is missing; an unknown order is named as such whatever part of it was asked for.</summary>
    private string NotFound(string kind, string key, WooKnown known)
    {
        if (WooCommerceReferenceKinds.IsOrderKind(kind))
        {
            var number = WooCommerceReferenceKinds.OrderNumber(kind, key);
            return known.Orders.GetValueOrDefault(number) is null
                ? WooCommerceReferenceKinds.NotFound(WooCommerceReferenceKinds.Order, number, null, Channel)
                : WooCommerceReferenceKinds.NotFound(kind, key, null, Channel);
        }

        return WooCommerceReferenceKinds.NotFound(kind, key, known.Items.GetValueOrDefault(key), Channel);
    }

    /// <summary>Takes note of what a successful create made: product and variation ids, also into the cache.</summary>
    private void Record(string method, string path, byte[] body, Dictionary<string, WooCatalogItem?> live, Dictionary<string, string> platformIds)
    {
        if (method != "POST" || body.Length == 0)
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            var created = path.EndsWith("/batch", StringComparison.Ordinal)
                ? root.TryGetProperty("create", out var section) && section.ValueKind == JsonValueKind.Array ? section.EnumerateArray().ToList() : []
                : [root];
            foreach (var item in created.Where(i => i.ValueKind == JsonValueKind.Object && !i.TryGetProperty("error", out _)))
            {
                if (!item.TryGetProperty("id", out var id) || !item.TryGetProperty("sku", out var skuElement) || skuElement.GetString() is not { Length: > 0 } sku)
                {
                    continue;
                }

                var isVariation = item.TryGetProperty("type", out var type) && type.GetString() == "variation";
                var catalogItem = new WooCatalogItem(id.GetInt64(), isVariation && item.TryGetProperty("parent_id", out var parent) ? parent.GetInt64() : 0);
                live[sku] = catalogItem;
                cache.Found(sku, catalogItem);
                platformIds[$"{(isVariation ? "variation" : "product")}:{sku}"] = WooCommerceOutcomes.Number(catalogItem.Id);
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            // A success whose body is not the expected JSON still succeeded; there is just nothing to record.
        }
    }

    /// <summary>WooCommerce answers a batch with 200 and puts each refused item's WP_Error beside the others' results.</summary>
    private static List<(string Text, bool InvalidId)> BatchErrors(byte[] body)
    {
        var errors = new List<(string Text, bool InvalidId)>();
        if (body.Length == 0)
        {
            return errors;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return errors;
            }

            foreach (var section in document.RootElement.EnumerateObject().Where(s => s.Name is "create" or "update" or "delete" && s.Value.ValueKind == JsonValueKind.Array))
            {
                foreach (var item in section.Value.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("error", out var error) && WooCommerceOutcomes.ErrorText(error) is { } text)
                    {
                        var id = item.TryGetProperty("id", out var idElement) ? idElement.GetRawText() : "?";
                        var code = error.TryGetProperty("code", out var c) ? c.GetString() ?? "" : "";
                        errors.Add(($"{section.Name} id {id}: {text}", code.EndsWith("_invalid_id", StringComparison.Ordinal)));
                    }
                }
            }
        }
        catch (JsonException)
        {
        }

        return errors;
    }

    private static bool IsInvalidId(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("code", out var code)
                && code.GetString() is { } text && text.EndsWith("_invalid_id", StringComparison.Ordinal);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// "Invalid ID." for an id taken from the cache means the product was deleted since it was looked up: the SKUs are
    /// forgotten, and the next attempt looks them up afresh (and, for a product, takes the create branch).
    /// </summary>
    private DeliveryOutcome.TransientFailure StaleIds(IEnumerable<string> skus, DeliveryOutcome failure)
    {
        foreach (var sku in skus)
        {
            cache.Forget(sku);
        }

        var reason = failure is DeliveryOutcome.PermanentFailure permanent ? permanent.Reason : failure.ToString();
        return new DeliveryOutcome.TransientFailure($"{reason}; the cached ids are forgotten and looked up again on the next attempt");
    }

    private static DeliveryOutcome WithContext(DeliveryOutcome failure, string where, int sent)
    {
        var context = sent > 0 ? $" ({where}; {sent} earlier request(s) of the plan succeeded)" : $" ({where})";
        return failure switch
        {
            DeliveryOutcome.TransientFailure transient => transient with { Reason = transient.Reason + context },
            DeliveryOutcome.PermanentFailure permanent => permanent with { Reason = permanent.Reason + context },
            _ => failure,
        };
    }

    private sealed record OutgoingRequest(string Path, byte[]? Body, IReadOnlyList<string> Skus);

    private sealed record BuiltCall(IReadOnlyList<OutgoingRequest> Requests, string? SkipReason, string? Missing);
}
