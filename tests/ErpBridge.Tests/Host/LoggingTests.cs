using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Host;

/// <summary>What reaches the log: never a secret; always the ids that find a message's story.</summary>
public sealed class LoggingTests
{
    private const string ChannelToken = "shpat_TOKEN_that_must_never_be_logged_7f3a";
    private const string WrongPassword = "wrong-Passw0rd-that-must-never-be-logged";

    [Test]
    public async Task Requests_WithEveryKindOfCredential_NoSecretInLogsAndIdsOnMessageLines()
    {
        await using (var bridge = await BridgeFixture.StartAsync(new Dictionary<string, string?>
        {
            ["ErpBridge:Channels:shopify-demo:AccessToken"] = ChannelToken,
            ["ErpBridge:Logging:MinimumLevel"] = "Verbose",
        }))
        {
            using var client = new SoapClient(bridge.ServiceAddress);
            var id = Envelopes.NewId();
            var digest = Envelopes.DigestToken(BridgeFixture.DemoUser, BridgeFixture.DemoPassword, TimeProvider.System.GetUtcNow());
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{BridgeFixture.DemoUser}:{BridgeFixture.DemoPassword}"));

            await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(id)));
            await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(id)));
            await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(id, items: 5)));
            await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId()), digest));
            await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId()), header: ""), authorization: new AuthenticationHeaderValue("Basic", basic));
            await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId()), Envelopes.PasswordToken(BridgeFixture.DemoUser, WrongPassword)));
            await bridge.App.StopAsync();

            var logs = bridge.ReadLogs();
            Assert.That(logs, Is.Not.Empty);
            Assert.That(logs, Does.Not.Contain(BridgeFixture.DemoPassword));
            Assert.That(logs, Does.Not.Contain(WrongPassword));
            Assert.That(logs, Does.Not.Contain(ChannelToken));
            Assert.That(logs, Does.Not.Contain(basic));
            Assert.That(logs, Does.Not.Contain(DigestValue(digest)));

            var lines = logs.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            var aboutMessage = lines.Where(l => l.TryGetProperty("MessageId", out _)).ToList();
            Assert.That(aboutMessage.Select(l => l.GetProperty("MessageId").GetString()), Has.Some.EqualTo(id), "the duplicate and the conflict are logged with their MessageId");
            Assert.That(aboutMessage.Where(l => !l.TryGetProperty("CorrelationId", out _)), Is.Empty, "every line about a message carries a correlation id");
            Assert.That(lines.Where(l => l.GetProperty("@m").GetString()!.Contains("MessageIdConflict", StringComparison.Ordinal)).Select(l => l.TryGetProperty("MessageId", out var m) ? m.GetString() : null), Has.Some.EqualTo(id));
        }
    }

    private static string DigestValue(string token)
    {
        var start = token.IndexOf("#PasswordDigest\">", StringComparison.Ordinal) + "#PasswordDigest\">".Length;
        return token[start..token.IndexOf('<', start)];
    }
}
