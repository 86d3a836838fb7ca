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

    [Test]
    public async Task SubmitInventory_OneItemMoreThanTheDefaultLimit_LimitExceeded()
    {
        await using var bridge = await BridgeFixture.StartAsync();
        using var client = new SoapClient(bridge.ServiceAddress);
        var response = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId(), items: 10_001)));

        Assert.That(response.FaultCode, Is.EqualTo("LimitExceeded"), response.Body.Length > 2000 ? response.Body[..2000] : response.Body);
        Assert.That(response.FaultReason, Does.Contain("10000 items"));
    }

    [Test]
    public async Task AnnouncedFourMegabytesSentAFewBytes_NoBufferOfTheAnnouncedSize()
    {
        // Before the credentials are known, a buffer grows with the bytes that arrive; it is not sized from what
        // Content-Length announces. Ten such requests at once used to take 4 MiB each.
        await using var bridge = await BridgeFixture.StartAsync();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var sockets = new List<System.Net.Sockets.Socket>();
        try
        {
            for (var i = 0; i < 10; i++)
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                await socket.ConnectAsync(bridge.ServiceAddress.Host, bridge.ServiceAddress.Port);
                var head = $"POST {bridge.ServiceAddress.AbsolutePath} HTTP/1.1\r\nHost: {bridge.ServiceAddress.Authority}\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: 4000000\r\n\r\n<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">";
                await socket.SendAsync(System.Text.Encoding.ASCII.GetBytes(head));
                sockets.Add(socket);
            }

            await Task.Delay(1000);
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

            Assert.That(allocated, Is.LessThan(10 * 1024 * 1024), $"{allocated} bytes allocated while ten requests announced 4 MB each and sent 80 bytes");
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }
        }
    }
}
