using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Host;

/// <summary>Stopping the host after it served requests.</summary>
[TestFixture]
public sealed class ShutdownTests
{
    /// <summary>
    /// The message store is registered as itself and as IMessageStore, so the container disposes it twice;
    /// a second dispose used to throw ObjectDisposedException and abort the process on every stop.
    /// </summary>
    [Test]
    public async Task DisposeAsync_AfterStoreWasUsed_Completes()
    {
        var bridge = await BridgeFixture.StartAsync();
        using (var client = new SoapClient(bridge.ServiceAddress))
        {
            var response = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId())));
            Assert.That(response.ReceiptStatus, Is.EqualTo("Accepted"), response.Body);
        }

        await Assert.ThatAsync(() => bridge.DisposeAsync().AsTask(), Throws.Nothing);
    }
}
