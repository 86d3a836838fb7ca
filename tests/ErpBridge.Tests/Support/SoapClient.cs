using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;

namespace ErpBridge.Tests.Support;

/// <summary>Posts raw SOAP envelopes, as an ERP's HTTP adapter does, and parses the answer.</summary>
public sealed class SoapClient(Uri serviceAddress) : IDisposable
{
    private readonly HttpClient http = new();

    public async Task<SoapResponse> PostAsync(string envelope, SoapVersionUnderTest version = SoapVersionUnderTest.Soap11, string? soapAction = null, string? contentType = null, AuthenticationHeaderValue? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, serviceAddress);
        request.Content = new StringContent(envelope, Encoding.UTF8);
        var mediaType = contentType ?? (version == SoapVersionUnderTest.Soap11 ? "text/xml" : "application/soap+xml");
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType + "; charset=utf-8");
        if (version == SoapVersionUnderTest.Soap11 && soapAction is not null)
        {
            request.Headers.TryAddWithoutValidation("SOAPAction", "\"" + soapAction + "\"");
        }

        request.Headers.Authorization = authorization;
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new SoapResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, response.Headers.TryGetValues("X-Correlation-Id", out var ids) ? ids.First() : null);
    }

    public void Dispose() => http.Dispose();
}

public enum SoapVersionUnderTest
{
    Soap11,
    Soap12,
}

public sealed record SoapResponse(HttpStatusCode Status, string? MediaType, string Body, string? CorrelationId)
{
    private static readonly XNamespace Common = "urn:erpbridge:common:v1";

    public XDocument Xml => XDocument.Parse(Body);

    /// <summary>The c:ErpBridgeFault detail, or null when the answer is no fault.</summary>
    public XElement? Fault => Xml.Descendants(Common + "ErpBridgeFault").FirstOrDefault();

    public string? FaultCode => Fault?.Element(Common + "Code")?.Value;

    public string? FaultReason => Fault?.Element(Common + "Reason")?.Value;

    /// <summary>faultcode (SOAP 1.1) or Code/Value (SOAP 1.2), e.g. "s:Client".</summary>
    public string? SoapFaultCode =>
        Xml.Descendants("faultcode").FirstOrDefault()?.Value
        ?? Xml.Descendants(XName.Get("Value", "http://www.w3.org/2003/05/soap-envelope")).FirstOrDefault()?.Value;

    public XElement? Receipt => Xml.Descendants().FirstOrDefault(e => e.Name.LocalName == "Receipt");

    public string? ReceiptStatus => Receipt?.Element(Common + "Status")?.Value;
}
