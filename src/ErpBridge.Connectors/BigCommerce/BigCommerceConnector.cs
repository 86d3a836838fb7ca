using System.Text.Json;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;
using ErpBridge.Mapping.Json;
using ErpBridge.Mapping.Plans;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Connectors.BigCommerce;

/// <summary>
/// Executes request plans on one BigCommerce store (<c>{BaseUrl}stores/{StoreHash}/</c>): resolves every reference of
/// the plan first, then sends the calls in order, paced to the store's rate limit. Outcomes are values; see
/// <see cref="IChannelConnector"/>. Also the channel's <see cref="IOrderSource"/>: order polling shares the HTTP
/// client, credentials and rate-limit pacing with delivery, and so does the bulk stock read for reconciliation
/// (<see cref="IStockReader"/>).
/// </summary>
public sealed class BigCommerceConnector : IChannelConnector, IOrderSource, IStockReader
{
    private const string MaskedToken = "***";

    private readonly HttpClient http;
    private readonly BigCommerceTransport transport;
    private readonly BigCommerceIdCache cache;
    private readonly BigCommerceReferenceResolver resolver;
    private readonly BigCommerceOrderReader orderReader;
    private readonly BigCommerceStockReader stockReader;

    internal BigCommerceConnector(string channel, ChannelOptions channelOptions, BigCommerceConnectorOptions options, ILogger logger)
    {
        Channel = channel;
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = options.MaxConnectionsPerChannel,
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        };
        http = new HttpClient(handler)
        {
            BaseAddress = new Uri($"{channelOptions.BaseUrl.TrimEnd('/')}/stores/{Uri.EscapeDataString(channelOptions.StoreHash!)}/"),
            Timeout = options.RequestTimeout,
        };
        http.DefaultRequestHeaders.TryAddWithoutValidation("X-Auth-Token", channelOptions.AccessToken);
        http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        transport = new BigCommerceTransport(http, new RateLimitPacer(options.TimeProvider, options.RateLimitReserve), options.TimeProvider, channel, logger);
        cache = new BigCommerceIdCache(options.TimeProvider, options.FoundTtl, options.MissingTtl);
        resolver = new BigCommerceReferenceResolver(transport, cache, channelOptions, options);
        orderReader = new BigCommerceOrderReader(transport, channel);
        stockReader = new BigCommerceStockReader(transport, channelOptions, channel);
    }

    public string Channel { get; }

    public string Platform => Core.Routing.Platform.BigCommerce;

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

            // Conditions are judged on the store as it was before the plan ran (create XOR update); ids recorded
            // by a create are then available to the plan's later bodies and paths.
            var live = new Dictionary<ReferenceKey, string?>(initial!);
            var platformIds = new Dictionary<string, string>(StringComparer.Ordinal);
            var sent = 0;
            for (var index = 0; index < plan.Calls.Count; index++)
            {
                var call = plan.Calls[index];
                var request = BuildRequest(call, initial!, live);
                if (request.SkipReason is not null)
                {
                    continue;
                }

                var where = $"call '{call.Id}' ({index + 1} of {plan.Calls.Count})";
                if (request.Unresolved is { } missing)
                {
                    return new DeliveryOutcome.PermanentFailure($"{BigCommerceReferenceKinds.NotFound(missing, Channel)}; {where} not sent");
                }

                var result = await transport.SendAsync(new HttpMethod(call.Method), request.RelativeUrl, request.Body, call.Headers, cancellationToken);
                if (result.Status == 404 && call.PathParameters.Count > 0)
                {
                    return WithContext(StaleIds(call, result.Failure!), where, sent);
                }

                if (result.Failure is not null)
                {
                    return WithContext(result.Failure, where, sent);
                }

                sent++;
                Record(call, result.Body, live, platformIds);
            }

            return new DeliveryOutcome.Delivered(platformIds, $"{sent} of {plan.Calls.Count} call(s) sent on channel '{Channel}'");
        }
        catch (Exception exception) when (exception is PlanFormatException or JsonXmlException)
        {
            return new DeliveryOutcome.PermanentFailure($"the plan cannot be sent to channel '{Channel}': {exception.Message}");
        }
    }

    public async Task<IReadOnlyList<PreparedCall>> PrepareAsync(RequestPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var (initial, failure) = await ResolveAsync(plan, cancellationToken);
        if (failure is not null)
        {
            throw new PlanPreparationException(failure);
        }

        var prepared = new List<PreparedCall>(plan.Calls.Count);
        foreach (var call in plan.Calls)
        {
            var request = BuildRequest(call, initial!, initial!);
            var skip = request.SkipReason
                ?? (request.Unresolved is { } missing ? $"would fail: {BigCommerceReferenceKinds.NotFound(missing, Channel)}" : null);
            var headers = new List<KeyValuePair<string, string>>
            {
                new("X-Auth-Token", MaskedToken),
                new("Accept", "application/json"),
            };
            if (request.Body is not null)
            {
                headers.Add(new("Content-Type", "application/json"));
            }

            headers.AddRange(call.Headers);
            prepared.Add(new PreparedCall(
                call.Id, call.Method, new Uri(http.BaseAddress!, request.RelativeUrl), headers,
                request.Body is null ? null : System.Text.Encoding.UTF8.GetString(request.Body), skip));
        }

        return prepared;
    }

    /// <summary>
    /// Orders changed at or after <see cref="OrderQuery.ChangedSince"/>, oldest change first, at most 250 a page (the
    /// v2 maximum); each with its <c>products</c> and <c>shipping_addresses</c> arrays in place of the resource links.
    /// </summary>
    public Task<OrderReadResult> ReadOrdersAsync(OrderQuery query, CancellationToken cancellationToken) =>
        orderReader.ReadAsync(query, cancellationToken);

    /// <summary>
    /// One page of <c>GET v3/inventory/items</c> (at most 1000 items, each with its levels at every location), as
    /// levels by SKU and ERP location code with the on-hand quantity. The token is <c>page=n&amp;limit=m</c>.
    /// </summary>
    public Task<StockReadResult> ReadStockAsync(StockQuery query, CancellationToken cancellationToken) =>
        stockReader.ReadAsync(query, cancellationToken);

    public ValueTask DisposeAsync()
    {
        resolver.Dispose();
        http.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<(Dictionary<ReferenceKey, string?>? Ids, DeliveryOutcome? Failure)> ResolveAsync(RequestPlan plan, CancellationToken cancellationToken)
    {
        var wanted = new HashSet<ReferenceKey>();
        foreach (var call in plan.Calls)
        {
            if (call.Body is not null)
            {
                wanted.UnionWith(PlanReference.Collect(call.Body).Select(r => new ReferenceKey(r.Kind, r.Key)));
            }

            if (call.Condition is { } condition)
            {
                wanted.Add(new ReferenceKey(condition.Kind, condition.Key));
            }

            wanted.UnionWith(call.PathParameters.Select(p => new ReferenceKey(p.Kind, p.Key)));
        }

        var unknown = wanted.FirstOrDefault(r => !BigCommerceReferenceKinds.IsKnown(r.Kind));
        if (unknown != default)
        {
            return (null, new DeliveryOutcome.PermanentFailure(BigCommerceReferenceKinds.NotFound(unknown, Channel)));
        }

        // A reference a delivery fails without is looked up afresh each time: a remembered "not found" is only for
        // the optional ones, so that a SKU created after a failure is found when the operator resubmits.
        foreach (var call in plan.Calls)
        {
            foreach (var parameter in call.PathParameters)
            {
                cache.ForgetMissing(new ReferenceKey(parameter.Kind, parameter.Key));
            }

            if (call.Body is not null)
            {
                foreach (var reference in PlanReference.Collect(call.Body).Where(r => r.Missing == MissingReference.Fail))
                {
                    cache.ForgetMissing(new ReferenceKey(reference.Kind, reference.Key));
                }
            }
        }

        var (ids, failure) = await resolver.ResolveAsync(wanted, cancellationToken);
        return failure is null ? (ids, null) : (null, WithContext(failure, "looking up platform ids", sent: 0));
    }

    /// <summary>The request a call makes, given the ids known now; or why it is skipped, or which reference is missing.</summary>
    private static CallRequest BuildRequest(PlanCall call, Dictionary<ReferenceKey, string?> initial, Dictionary<ReferenceKey, string?> live)
    {
        if (call.Condition is { } condition)
        {
            var found = initial.GetValueOrDefault(new ReferenceKey(condition.Kind, condition.Key)) is not null;
            if (found != condition.Found)
            {
                return CallRequest.Skipped(call.Path, $"condition: {condition.Kind} '{condition.Key}' is {(found ? "found" : "missing")}");
            }
        }

        var path = call.Path;
        foreach (var parameter in call.PathParameters)
        {
            var key = new ReferenceKey(parameter.Kind, parameter.Key);
            if (live.GetValueOrDefault(key) is not { } id)
            {
                return CallRequest.Missing(call.Path, key);
            }

            path = path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(id), StringComparison.Ordinal);
        }

        if (call.Query.Count > 0)
        {
            path += "?" + string.Join("&", call.Query.Select(q => $"{BigCommercePaths.EscapeQueryName(q.Key)}={BigCommercePaths.EscapeQueryValue(q.Value)}"));
        }

        byte[]? body = null;
        if (call.Body is not null)
        {
            var (applied, unresolved) = PlanReference.Apply(call.Body, r => live.GetValueOrDefault(new ReferenceKey(r.Kind, r.Key)));
            if (unresolved is not null)
            {
                return CallRequest.Missing(call.Path, new ReferenceKey(unresolved.Kind, unresolved.Key));
            }

            body = JsonXml.ToJsonUtf8(applied!);
        }

        return new CallRequest(path, body, null, null);
    }

    /// <summary>Takes note of what a successful call created or touched: product ids (also into the cache) and transaction ids.</summary>
    private void Record(PlanCall call, byte[] body, Dictionary<ReferenceKey, string?> live, Dictionary<string, string> platformIds)
    {
        if (body.Length == 0)
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

            if (root.TryGetProperty("transaction_id", out var transaction) && transaction.ValueKind == JsonValueKind.String)
            {
                platformIds[$"transaction:{call.Id}"] = transaction.GetString()!;
            }

            if (call.Path.StartsWith("v2/orders/", StringComparison.Ordinal) && call.Path.EndsWith("/shipments", StringComparison.Ordinal)
                && root.TryGetProperty("id", out var shipmentId))
            {
                platformIds[$"shipment:{call.Id}"] = shipmentId.GetRawText();
            }

            if (call.Path.StartsWith("v3/catalog/products", StringComparison.Ordinal)
                && root.TryGetProperty("data", out var product) && product.ValueKind == JsonValueKind.Object
                && product.TryGetProperty("id", out var id) && product.TryGetProperty("sku", out var skuElement)
                && skuElement.GetString() is { Length: > 0 } sku)
            {
                var productKey = new ReferenceKey(BigCommerceReferenceKinds.Product, sku);
                live[productKey] = id.GetRawText();
                cache.Found(productKey, id.GetRawText());
                if (product.TryGetProperty("base_variant_id", out var variantId) && variantId.ValueKind == JsonValueKind.Number)
                {
                    var variantKey = new ReferenceKey(BigCommerceReferenceKinds.Variant, sku);
                    live[variantKey] = variantId.GetRawText();
                    cache.Found(variantKey, variantId.GetRawText());
                }

                platformIds[$"product:{sku}"] = id.GetRawText();
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // A success whose body is not the expected JSON still succeeded; there is just nothing to record.
        }
    }

    /// <summary>
    /// A 404 on a path built from cached ids means the object was deleted on the platform since it was looked up: the
    /// ids are forgotten, and the next attempt looks them up afresh (and, for a product, takes the create branch).
    /// </summary>
    private DeliveryOutcome.TransientFailure StaleIds(PlanCall call, DeliveryOutcome failure)
    {
        foreach (var parameter in call.PathParameters)
        {
            cache.Forget(new ReferenceKey(parameter.Kind, parameter.Key));
            if (parameter.Kind == BigCommerceReferenceKinds.Product)
            {
                cache.Forget(new ReferenceKey(BigCommerceReferenceKinds.Variant, parameter.Key));
            }
        }

        var reason = failure is DeliveryOutcome.PermanentFailure permanent ? permanent.Reason : failure.ToString();
        return new DeliveryOutcome.TransientFailure($"{reason}; the cached ids in its path are forgotten and looked up again on the next attempt");
    }

    private static DeliveryOutcome WithContext(DeliveryOutcome failure, string where, int sent)
    {
        var context = sent > 0 ? $" ({where}; {sent} earlier call(s) of the plan succeeded)" : $" ({where})";
        return failure switch
        {
            DeliveryOutcome.TransientFailure transient => transient with { Reason = transient.Reason + context },
            DeliveryOutcome.PermanentFailure permanent => permanent with { Reason = permanent.Reason + context },
            _ => failure,
        };
    }

    private sealed record CallRequest(string RelativeUrl, byte[]? Body, string? SkipReason, ReferenceKey? Unresolved)
    {
        public static CallRequest Skipped(string path, string reason) => new(path, null, reason, null);

        public static CallRequest Missing(string path, ReferenceKey reference) => new(path, null, null, reference);
    }
}
