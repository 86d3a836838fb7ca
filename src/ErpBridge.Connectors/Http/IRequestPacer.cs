namespace ErpBridge.Connectors.Http;

/// <summary>Holds a channel's requests to its rate limit: a fixed rate, a request window, or a cost bucket.</summary>
internal interface IRequestPacer
{
    /// <summary>Waits until the request may go; returns what it reserved for it (a cost, or 1), to be handed to <see cref="Observe"/>.</summary>
    ValueTask<double> WaitAsync(byte[]? body, CancellationToken cancellationToken);

    /// <summary>
    /// Called once for every request that waited, with the response (null when none came): releases the reservation
    /// and learns what the platform reported about its limit.
    /// </summary>
    void Observe(double reserved, byte[]? requestBody, HttpResponseMessage? response, byte[] body);
}
