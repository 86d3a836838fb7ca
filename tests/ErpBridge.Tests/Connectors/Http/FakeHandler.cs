namespace ErpBridge.Tests.Connectors.Http;

/// <summary>An HTTP handler that answers from a function and keeps the requests it got; also the client factory handing it out.</summary>
internal sealed class FakeHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler, IHttpClientFactory
{
    public List<HttpRequestMessage> Requests { get; } = [];

    public static FakeHandler Answering(Func<HttpResponseMessage> response) => new((_, _) => Task.FromResult(response()));

    public HttpClient CreateClient(string name) => new(this, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return answer(request, cancellationToken);
    }
}
