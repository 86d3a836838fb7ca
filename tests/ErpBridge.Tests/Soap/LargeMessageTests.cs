using System.Net;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Soap;

/// <summary>Messages near the default size limit (4 MiB) go all the way through, and one byte too many does not.</summary>
public sealed class LargeMessageTests
{
    [Test]
    public async Task SubmitInventory_ThreeMegabytes_AcceptedAndStatusReadable()
    {
        // 30,000 items are three times the default MaxItemsPerMessage; the size is what this test is about.
        await using var bridge = await BridgeFixture.StartAsync(new Dictionary<string, string?> { ["ErpBridge:Soap:MaxItemsPerMessage"] = "30000" });
        using var client = new SoapClient(bridge.ServiceAddress);
        var id = Envelopes.NewId();
        var envelope = Envelopes.Wrap(Envelopes.Inventory(id, items: 30_000));
        Assert.That(envelope.Length, Is.InRange(2_500_000, 4 * 1024 * 1024));

        var response = await client.PostAsync(envelope);
        var status = await client.PostAsync(Envelopes.Wrap(Envelopes.Status(id)));

        Assert.That(response.ReceiptStatus, Is.EqualTo("Accepted"), response.Body.Length > 2000 ? response.Body[..2000] : response.Body);
        Assert.That(status.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task SubmitInventory_OverTheLimitWithoutContentLength_MessageTooLarge()
    {
        await using var bridge = await BridgeFixture.StartAsync(new Dictionary<string, string?> { ["ErpBridge:Soap:MaxMessageBytes"] = "20000" });
        using var http = new HttpClient();
        var body = Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId(), items: 400));
        // Chunked: the gate must count what it reads, not trust a Content-Length.
        using var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
        using var request = new HttpRequestMessage(HttpMethod.Post, bridge.ServiceAddress) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(text, Does.Contain("<c:Code>MessageTooLarge</c:Code>"));
    }
}
