using ErpBridge.Connectors.Http;

namespace ErpBridge.Connectors.Api2Cart;

/// <summary>
/// API2Cart limits calls in flight, not calls per second: at most <c>limit</c> of a channel's requests run at once
/// (each waits for a free place), and, where configured, they also keep a fixed rate.
/// </summary>
internal sealed class Api2CartConcurrencyPacer(int limit, FixedRatePacer rate) : IRequestPacer
{
    private readonly SemaphoreSlim places = new(limit, limit);

    public async ValueTask<double> WaitAsync(byte[]? body, CancellationToken cancellationToken)
    {
        await places.WaitAsync(cancellationToken);
        try
        {
            return await rate.WaitAsync(body, cancellationToken);
        }
        catch
        {
            places.Release();
            throw;
        }
    }

    public void Observe(double reserved, byte[]? requestBody, HttpResponseMessage? response, byte[] body) => places.Release();
}
