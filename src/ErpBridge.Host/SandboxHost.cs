using ErpBridge.Sandboxes.Shopify;

namespace ErpBridge.Host;

/// <summary>
/// Starts the configured platform sandboxes before delivery starts (it is registered first) and stops them after.
/// </summary>
public sealed class SandboxHost(SandboxOptions options, ILogger<SandboxHost> logger) : IHostedService, IAsyncDisposable
{
    private readonly List<IAsyncDisposable> running = [];

    public ShopifySandbox? Shopify { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            return;
        }

        var skus = options.Skus().ToList();
        if (!string.IsNullOrEmpty(options.Shopify.Url))
        {
            Shopify = await ShopifySandbox.StartAsync(
                new ShopifySandboxOptions
                {
                    Url = options.Shopify.Url,
                    AccessToken = options.Shopify.AccessToken,
                    Locations = options.Locations,
                    Skus = skus,
                    RateLimitEnabled = options.RateLimits,
                    BucketSize = options.Shopify.BucketSize,
                    RestoreRate = options.Shopify.RestoreRate,
                },
                cancellationToken).ConfigureAwait(false);
            running.Add(Shopify);
            logger.LogInformation("Shopify sandbox on {Address} with {Skus} SKUs at {Locations}; state at {State}", Shopify.BaseAddress, skus.Count, options.Locations, new Uri(Shopify.BaseAddress, "_sandbox/state"));
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        foreach (var sandbox in running)
        {
            await sandbox.DisposeAsync().ConfigureAwait(false);
        }

        running.Clear();
    }
}
