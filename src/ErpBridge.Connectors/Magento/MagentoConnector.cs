using System.Text.Json;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;
using ErpBridge.Mapping.Json;
using ErpBridge.Mapping.Plans;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Connectors.Magento;

/// <summary>
/// Executes request plans on one Magento 2 / Adobe Commerce store view (API root <c>{BaseUrl}rest/{store}/</c>):
/// resolves the plan's MSI source, order, order-item and shipment references first, then sends the calls in order, each authorised as the channel
/// says (bearer token, or OAuth 1.0a-signed). Outcomes are values; see <see cref="IChannelConnector"/>. Also the
/// channel's <see cref="IOrderSource"/> and <see cref="IStockReader"/>: order polling and stock reads go through the
/// same client, credentials and pacing.
/// </summary>
public sealed class MagentoConnector : IChannelConnector, IOrderSource, IStockReader
{
    private readonly HttpClient http;
    private readonly MagentoCredentials credentials;
    private readonly MagentoTransport transport;
    private readonly MagentoSourceResolver resolver;
    private readonly MagentoSalesResolver sales;
    private readonly MagentoOrderReader orderReader;
    private readonly MagentoStockReader stockReader;

    internal MagentoConnector(string channel, ChannelOptions channelOptions, Uri apiRoot, MagentoConnectorOptions options, ILogger logger)
    {
        Channel = channel;
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = options.MaxConnectionsPerChannel,
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        };
        http = new HttpClient(handler) { BaseAddress = apiRoot, Timeout = options.RequestTimeout };
        http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        credentials = MagentoCredentials.From(channelOptions, options.TimeProvider);
        transport = new MagentoTransport(http, credentials, new MagentoPacer(options.MaxRequestsPerSecond, options.TimeProvider), options.TimeProvider, channel, logger);
        resolver = new MagentoSourceResolver(transport, channelOptions, options);
        sales = new MagentoSalesResolver(transport);
        orderReader = new MagentoOrderReader(transport);
        stockReader = new MagentoStockReader(transport, channelOptions);
    }

    public string Channel { get; }

    public string Platform => Core.Routing.Platform.Magento;

    /// <summary>"bearer" or "oauth1": how this channel's requests are authorised.</summary>
    public string AuthKind => credentials.Kind;

    public async Task<DeliveryOutcome> ExecuteAsync(RequestPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        try
        {
            var (values, failure) = await ResolveAsync(plan, cancellationToken);
            if (failure is not null)
            {
                return failure;
            }

            var platformIds = new Dictionary<string, string>(StringComparer.Ordinal);
            var sent = 0;
            for (var index = 0; index < plan.Calls.Count; index++)
            {
                var call = plan.Calls[index];
                var request = BuildRequest(call, values!);
                if (request.SkipReason is not null)
                {
                    continue;
                }

                var where = $"call '{call.Id}' ({index + 1} of {plan.Calls.Count})";
                if (request.Unresolved is { } missing)
                {
                    return new DeliveryOutcome.PermanentFailure($"{MagentoReferenceKinds.NotFound(missing, Channel)}; {where} not sent");
                }

                var result = await transport.SendAsync(new HttpMethod(call.Method), request.RelativeUrl, request.Body, call.Headers, cancellationToken);
                if (result.Failure is not null)
                {
                    return WithContext(result.Failure, where, sent);
                }

                sent++;
                Record(call, result.Body, platformIds);
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
        var (values, failure) = await ResolveAsync(plan, cancellationToken);
        if (failure is not null)
        {
            throw new MagentoPreparationException(failure);
        }

        var prepared = new List<PreparedCall>(plan.Calls.Count);
        foreach (var call in plan.Calls)
        {
            var request = BuildRequest(call, values!);
            var skip = request.SkipReason
                ?? (request.Unresolved is { } missing ? $"would fail: {MagentoReferenceKinds.NotFound(missing, Channel)}" : null);
            var headers = new List<KeyValuePair<string, string>>
            {
                new("Authorization", credentials.Masked),
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
    /// One page of <c>GET V1/orders</c>: updated_at at or after <see cref="OrderQuery.ChangedSince"/> (to the second),
    /// oldest change first, at most 300 per page; the page token is the next page number. Each order's JSON is
    /// Magento's order object as listed, which already holds items, billing address and shipping assignments.
    /// </summary>
    public Task<OrderReadResult> ReadOrdersAsync(OrderQuery query, CancellationToken cancellationToken) =>
        orderReader.ReadAsync(query, cancellationToken);

    /// <summary>
    /// One page of <c>GET V1/inventory/source-items</c>, sorted by source_code then sku, at most 300 source items per
    /// page; the page token is "{page}:{size}". Quantity is the source item's quantity (whole units, rounded down), the
    /// figure stock deliveries set; the location is the ERP code delivery reaches that source with.
    /// </summary>
    public Task<StockReadResult> ReadStockAsync(StockQuery query, CancellationToken cancellationToken) =>
        stockReader.ReadAsync(query, cancellationToken);

    public ValueTask DisposeAsync()
    {
        resolver.Dispose();
        http.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<(Dictionary<MagentoReferenceKey, string?>? Values, DeliveryOutcome? Failure)> ResolveAsync(RequestPlan plan, CancellationToken cancellationToken)
    {
        var wanted = new HashSet<MagentoReferenceKey>();
        var required = new HashSet<MagentoReferenceKey>();
        foreach (var call in plan.Calls)
        {
            if (call.Body is not null)
            {
                foreach (var reference in PlanReference.Collect(call.Body))
                {
                    wanted.Add(new MagentoReferenceKey(reference.Kind, reference.Key));
                    if (reference.Missing == MissingReference.Fail)
                    {
                        required.Add(new MagentoReferenceKey(reference.Kind, reference.Key));
                    }
                }
            }

            if (call.Condition is { } condition)
            {
                wanted.Add(new MagentoReferenceKey(condition.Kind, condition.Key));
            }

            foreach (var parameter in call.PathParameters)
            {
                wanted.Add(new MagentoReferenceKey(parameter.Kind, parameter.Key));
                required.Add(new MagentoReferenceKey(parameter.Kind, parameter.Key));
            }
        }

        var unknown = wanted.FirstOrDefault(r => !MagentoReferenceKinds.IsKnown(r.Kind));
        if (unknown != default)
        {
            return (null, new DeliveryOutcome.PermanentFailure(MagentoReferenceKinds.NotFound(unknown, Channel)));
        }

        var sources = wanted.Where(r => !MagentoReferenceKinds.IsSales(r.Kind)).ToList();
        var (values, failure) = await resolver.ResolveAsync(sources, required.Where(r => !MagentoReferenceKinds.IsSales(r.Kind)).ToHashSet(), cancellationToken);
        if (failure is not null)
        {
            return (null, WithContext(failure, "looking up MSI sources", sent: 0));
        }

        var (salesValues, salesFailure) = await sales.ResolveAsync(wanted.Where(r => MagentoReferenceKinds.IsSales(r.Kind)).ToList(), cancellationToken);
        if (salesFailure is not null)
        {
            return (null, WithContext(salesFailure, "looking up orders and shipments", sent: 0));
        }

        foreach (var (key, value) in salesValues!)
        {
            values![key] = value;
        }

        return (values, null);
    }

    /// <summary>The request a call makes with the resolved values; or why it is skipped, or which reference is missing.</summary>
    private static CallRequest BuildRequest(PlanCall call, Dictionary<MagentoReferenceKey, string?> values)
    {
        if (call.Condition is { } condition)
        {
            var found = values.GetValueOrDefault(new MagentoReferenceKey(condition.Kind, condition.Key)) is not null;
            if (found != condition.Found)
            {
                return CallRequest.Skipped(call.Path, $"condition: {condition.Kind} '{condition.Key}' is {(found ? "found" : "missing")}");
            }
        }

        var path = call.Path;
        foreach (var parameter in call.PathParameters)
        {
            var key = new MagentoReferenceKey(parameter.Kind, parameter.Key);
            if (values.GetValueOrDefault(key) is not { } value)
            {
                return CallRequest.Missing(call.Path, key);
            }

            path = path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        if (call.Query.Count > 0)
        {
            path += "?" + string.Join("&", call.Query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"));
        }

        byte[]? body = null;
        if (call.Body is not null)
        {
            var (applied, unresolved) = PlanReference.Apply(call.Body, r => values.GetValueOrDefault(new MagentoReferenceKey(r.Kind, r.Key)));
            if (unresolved is not null)
            {
                return CallRequest.Missing(call.Path, new MagentoReferenceKey(unresolved.Kind, unresolved.Key));
            }

            body = JsonXml.ToJsonUtf8(applied!);
        }

        return new CallRequest(path, body, null, null);
    }

    /// <summary>Takes note of the products a save created or updated (entity ids by SKU), and of the shipments created (by ERP ShipmentId).</summary>
    private static void Record(PlanCall call, byte[] body, Dictionary<string, string> platformIds)
    {
        if (call.Condition is { Kind: MagentoReferenceKinds.Shipment } shipped && body.Length > 0)
        {
            platformIds[$"shipment:{MagentoReferenceKinds.Split(shipped.Key).Part}"] = System.Text.Encoding.UTF8.GetString(body).Trim();
            return;
        }

        if (body.Length == 0 || !call.Path.StartsWith("V1/products", StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var id) && root.TryGetProperty("sku", out var sku)
                && sku.GetString() is { Length: > 0 } text)
            {
                platformIds[$"product:{text}"] = id.GetRawText();
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // A success whose body is not the expected JSON still succeeded; there is just nothing to record.
        }
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

    private sealed record CallRequest(string RelativeUrl, byte[]? Body, string? SkipReason, MagentoReferenceKey? Unresolved)
    {
        public static CallRequest Skipped(string path, string reason) => new(path, null, reason, null);

        public static CallRequest Missing(string path, MagentoReferenceKey reference) => new(path, null, null, reference);
    }
}
