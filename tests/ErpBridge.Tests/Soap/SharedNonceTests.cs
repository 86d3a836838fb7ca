using System.Net;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Soap;

/// <summary>
/// Issue 16, requirement 5: a PasswordDigest token is used once across every bridge on one database and across a
/// restart; the replay gets the same fault as a replay on one bridge (AuthenticationFailed, s:Client).
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.None)]
public sealed class SharedNonceTests
{
    [Test]
    public async Task PasswordDigest_UsedOnOneHost_RefusedByASecondHostOnTheSameDatabase()
    {
        using var folder = new TempFolder();
        await using var first = await StartAsync(folder);
        await using var second = await StartAsync(folder);
        using var firstClient = new SoapClient(first.ServiceAddress);
        using var secondClient = new SoapClient(second.ServiceAddress);
        var token = Token();

        var used = await firstClient.PostAsync(Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId()), token));
        var replay = await secondClient.PostAsync(Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId()), token));
        var fresh = await secondClient.PostAsync(Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId()), Token()));

        Assert.That(used.ReceiptStatus, Is.EqualTo("Accepted"), used.Body);
        AssertReplayRefused(replay);
        Assert.That(fresh.ReceiptStatus, Is.EqualTo("Accepted"), "a new token goes through on the second host: " + fresh.Body);
    }

    [Test]
    public async Task PasswordDigest_UsedBeforeARestart_RefusedAfterIt()
    {
        using var folder = new TempFolder();
        var token = Token();
        SoapResponse used;
        await using (var before = await StartAsync(folder))
        {
            using var client = new SoapClient(before.ServiceAddress);
            used = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId()), token));
        }

        await using var after = await StartAsync(folder);
        using var afterClient = new SoapClient(after.ServiceAddress);
        var replay = await afterClient.PostAsync(Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId()), token));

        Assert.That(used.ReceiptStatus, Is.EqualTo("Accepted"), used.Body);
        AssertReplayRefused(replay);
    }

    private static string Token() => Envelopes.DigestToken(BridgeFixture.DemoUser, BridgeFixture.DemoPassword, TimeProvider.System.GetUtcNow());

    /// <summary>A host of its own (logs in its own folder) on the database in <paramref name="folder"/>.</summary>
    private static Task<BridgeFixture> StartAsync(TempFolder folder) =>
        BridgeFixture.StartAsync(new Dictionary<string, string?> { ["ErpBridge:Storage:ConnectionString"] = $"Data Source={folder.File("shared.db")}" });

    private static void AssertReplayRefused(SoapResponse replay)
    {
        Assert.Multiple(() =>
        {
            Assert.That(replay.FaultCode, Is.EqualTo("AuthenticationFailed"), replay.Body);
            Assert.That(replay.SoapFaultCode, Is.EqualTo("s:Client"), replay.Body);
            Assert.That(replay.Status, Is.EqualTo(HttpStatusCode.InternalServerError));
        });
    }
}
