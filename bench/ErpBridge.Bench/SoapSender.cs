namespace ErpBridge.Bench;

/// <summary>Posts one envelope of the template's operation and classifies the answer.</summary>
internal sealed class SoapSender(HttpClient client, Uri url, SoapRequestTemplate template, TimeProvider time)
{
    public async Task<RequestOutcome> SendAsync(string messageId, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(messageId);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return RequestOutcome.FromResponse(response.StatusCode, body);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return RequestOutcome.FromException(ex);
        }
    }

    private HttpRequestMessage CreateRequest(string messageId)
    {
        var content = new ByteArrayContent(template.Build(messageId, time.GetUtcNow()));
        content.Headers.TryAddWithoutValidation("Content-Type", SoapRequestTemplate.ContentType);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.TryAddWithoutValidation("SOAPAction", template.SoapAction);
        return request;
    }
}
