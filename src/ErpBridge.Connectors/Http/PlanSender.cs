using System.Text;
using ErpBridge.Core.Delivery;
using ErpBridge.Mapping.Json;
using ErpBridge.Mapping.Plans;

namespace ErpBridge.Connectors.Http;

/// <summary>
/// Executes a request plan on a channel, the same way on every platform: resolve every reference first, then make
/// the plan's calls in order (paced by the transport), stop at the first failure, and say which call failed and how
/// many went before it. A dry run resolves the same way and shows the requests instead of sending them.
/// </summary>
internal sealed class PlanSender<TIds>(IPlanSteps<TIds> steps, ConnectorTransport transport)
    where TIds : class
{
    public async Task<DeliveryOutcome> ExecuteAsync(RequestPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        try
        {
            var (initial, failure) = await steps.ResolveAsync(plan, cancellationToken);
            if (failure is not null)
            {
                return failure;
            }

            var live = steps.Copy(initial!);
            var platformIds = new Dictionary<string, string>(StringComparer.Ordinal);
            var failedItems = new List<ItemOutcome>();
            var sent = new List<string>(plan.Calls.Count);
            var requests = 0;
            for (var index = 0; index < plan.Calls.Count; index++)
            {
                // An item the channel cannot take is left out of its call, alone; the rest of the call goes.
                var pruned = PlanItems.Prune(plan.Calls[index], reference => steps.Unresolvable(reference, live));
                var call = pruned.Call;
                var built = steps.Build(call, initial!, live);
                if (built.SkipReason is not null)
                {
                    continue;
                }

                failedItems.AddRange(pruned.Failed);
                if (pruned.Emptied)
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
                    var response = await transport.SendAsync(new HttpMethod(call.Method), request.RelativeUrl, request.Body, call.Headers, cancellationToken);
                    if (steps.Complete(call, request, response, live, platformIds) is { } refused)
                    {
                        return FailureContext.Add(refused, where, requests);
                    }

                    requests++;
                }

                sent.Add(call.Id);
            }

            return new DeliveryOutcome.Delivered(platformIds, $"{sent.Count} of {plan.Calls.Count} call(s) sent on channel '{transport.Channel}'", failedItems)
            {
                SentCalls = sent,
            };
        }
        catch (Exception exception) when (exception is PlanFormatException or JsonXmlException)
        {
            return new DeliveryOutcome.PermanentFailure($"the plan cannot be sent to channel '{transport.Channel}': {exception.Message}");
        }
    }

    /// <summary>
    /// The requests <see cref="ExecuteAsync"/> would send, credentials masked. Look-ups are made; a store that cannot
    /// be reached throws <see cref="StoreUnreachableException"/>, any other failed look-up <see cref="PlanPreparationException"/>.
    /// </summary>
    public async Task<IReadOnlyList<PreparedCall>> PrepareAsync(RequestPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        (TIds? Ids, DeliveryOutcome? Failure) resolved;
        string? unreachable;
        using (var watch = ConnectorTransport.WatchReachability())
        {
            resolved = await steps.ResolveAsync(plan, cancellationToken);
            unreachable = watch.Unreachable;
        }

        if (resolved.Failure is not null)
        {
            throw unreachable is not null
                ? new StoreUnreachableException(transport.Channel, transport.Endpoint.BaseUrl, unreachable)
                : new PlanPreparationException(transport.Channel, resolved.Failure);
        }

        var ids = resolved.Ids!;
        var prepared = new List<PreparedCall>(plan.Calls.Count);
        foreach (var planned in plan.Calls)
        {
            var pruned = PlanItems.Prune(planned, reference => steps.Unresolvable(reference, ids));
            var call = pruned.Call;
            var built = steps.Build(call, ids, ids);
            var skip = built.SkipReason
                ?? (pruned.Emptied ? $"every item left out: {ItemReasons(pruned.Failed)}" : null)
                ?? (built.Missing is { } missing ? $"would fail: {missing}" : null);
            IReadOnlyList<PlannedRequest> requests = built.Requests.Count > 0 ? built.Requests : [new PlannedRequest(call.Path, null)];
            for (var part = 0; part < requests.Count; part++)
            {
                var request = requests[part];
                var method = new HttpMethod(call.Method);
                var signed = transport.Credentials.Sign(method, transport.Url(request.RelativeUrl), masked: true);
                var headers = new List<KeyValuePair<string, string>>(signed.Headers) { new("Accept", "application/json") };
                if (request.Body is not null)
                {
                    headers.Add(new("Content-Type", "application/json"));
                }

                headers.AddRange(call.Headers);
                var id = requests.Count > 1 ? $"{call.Id}#{part + 1}" : call.Id;
                var leftOut = skip is null && pruned.Failed.Count > 0 ? $"items left out: {ItemReasons(pruned.Failed)}" : null;
                prepared.Add(new PreparedCall(id, call.Method, signed.Url, headers, request.Body is null ? null : Encoding.UTF8.GetString(request.Body), skip, leftOut));
            }
        }

        return prepared;
    }

    private static string ItemReasons(IReadOnlyList<ItemOutcome> items) => string.Join("; ", items.Select(i => $"{i.Key}: {i.Reason}"));
}
