using ErpBridge.ErpPush;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Orders;

/// <summary>The configured ERP order receivers (ErpBridge:ErpEndpoints), one WCF pusher each, made on first use.</summary>
public sealed class ErpEndpoints(IReadOnlyDictionary<string, ErpEndpointOptions> endpoints, ILoggerFactory loggers) : IDisposable
{
    public const string Section = "ErpBridge:ErpEndpoints";

    private readonly Dictionary<string, ErpOrderPusher> pushers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock gate = new();

    public ICollection<string> Names => endpoints.Keys.ToList();

    public ErpEndpointOptions Options(string name) =>
        endpoints.TryGetValue(name, out var options) ? options : throw new InvalidOperationException($"ERP endpoint '{name}' is not configured under {Section}.");

    /// <summary>The endpoint's client for ALE audits: the same channel factory, credentials and timeouts as its order pushes.</summary>
    public IErpAuditSender AuditSender(string name) => Client(name);

    public IErpOrderPusher Pusher(string name) => Client(name);

    private ErpOrderPusher Client(string name)
    {
        lock (gate)
        {
            if (!pushers.TryGetValue(name, out var pusher))
            {
                pusher = new ErpOrderPusher(Options(name), loggers.CreateLogger<ErpOrderPusher>());
                pushers[name] = pusher;
            }

            return pusher;
        }
    }

    /// <summary>Every problem of every endpoint, each naming its key.</summary>
    public static IEnumerable<string> Validate(IReadOnlyDictionary<string, ErpEndpointOptions> endpoints) =>
        endpoints.SelectMany(e => e.Value.Validate().Select(problem => $"{Section}:{e.Key}: {problem}"));

    public void Dispose()
    {
        lock (gate)
        {
            foreach (var pusher in pushers.Values)
            {
                pusher.Dispose();
            }

            pushers.Clear();
        }
    }
}
