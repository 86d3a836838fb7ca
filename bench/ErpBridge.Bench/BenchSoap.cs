using System.Text;
using ErpBridge.Core.Messages;

namespace ErpBridge.Bench;

/// <summary>Posts one SOAP 1.1 operation to the bridge (credentials in the client's default headers) and returns the answer's body.</summary>
internal static class BenchSoap
{
    public static async Task<string> PostAsync(HttpClient http, Uri url, string action, string body, CancellationToken cancellationToken)
    {
        var envelope = $"<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>{body}</soap:Body></soap:Envelope>";
        using var content = new StringContent(envelope, Encoding.UTF8, "text/xml");
        content.Headers.ContentType!.CharSet = "utf-8";
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.TryAddWithoutValidation("SOAPAction", $"\"{XmlNamespaces.Service}/{action}\"");
        using var response = await http.SendAsync(request, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }
}
