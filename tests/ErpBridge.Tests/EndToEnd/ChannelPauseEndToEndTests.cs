using System.Text.Json;
using System.Xml.Linq;

namespace ErpBridge.Tests.EndToEnd;

/// <summary>
/// Issue 14, requirement 6, on real parts: a store that answers 401 pauses its channel (status, log, /status) with no
/// attempt spent and nothing dead-lettered; the channel resumes by itself once the store takes the credentials again,
/// or by the operator.
/// </summary>
public sealed class ChannelPauseEndToEndTests
{
    private static readonly XNamespace St = "urn:erpbridge:status:v1";

    [Test]
    public async Task StoreAnswers401_ChannelPausesWithoutSpendingAttempts_AndResumesWhenTheCredentialsWorkAgain()
    {
        await using var world = await DeliveryWorld.StartAsync(new Dictionary<string, string?> { ["ErpBridge:Delivery:PausedProbeInterval"] = "00:00:01" });
        world.Shopify.FailNext(100_000, 401);

        await world.SubmitAsync(DeliveryWorld.Stock("PAUSE-1", TimeProvider.System.GetUtcNow(), ("E2E-001", 7)));
        var paused = await WaitForChannelAsync(world, DeliveryWorld.ShopifyChannel, "Paused");
        await Task.Delay(TimeSpan.FromSeconds(2.5)); // a few probes, each refused again
        var whilePaused = await WaitForShopifyPendingAsync(world, "PAUSE-1");
        var listed = await world.RunOperatorAsync("channels", "list");
        var deadWhilePaused = await world.RunOperatorAsync("dead-letters");

        Assert.That(paused.GetProperty("pausedBy").GetString(), Is.EqualTo("Credentials"));
        Assert.That(paused.GetProperty("reason").GetString(), Does.StartWith("authentication failed (401"));
        Assert.That(whilePaused.Element(St + "Attempts")!.Value, Is.EqualTo("0"), "a refused credential spends no attempt");
        Assert.That(listed.Output, Does.Contain($"{DeliveryWorld.ShopifyChannel}: Paused by Credentials"));
        Assert.That(deadWhilePaused.Output, Does.Contain("No dead letters."));
        Assert.That(world.Bridge.ReadLogs(), Does.Contain($"Channel {DeliveryWorld.ShopifyChannel} paused").Or.Contain($"Channel \\\"{DeliveryWorld.ShopifyChannel}\\\" paused"));

        world.Shopify.FailNext(0, 401); // the store takes the credentials again
        var delivered = await world.WaitForAsync("PAUSE-1", "Delivered");
        await WaitForChannelAsync(world, DeliveryWorld.ShopifyChannel, "Active");
        var dead = await world.RunOperatorAsync("dead-letters");

        Assert.That(delivered[DeliveryWorld.ShopifyChannel].Element(St + "Attempts")!.Value, Is.EqualTo("1"));
        Assert.That(dead.Output, Does.Contain("No dead letters."), "nothing became a dead letter");
    }

    [Test]
    public async Task OperatorPausesAChannel_ItsMessagesWait_StatusShowsWhy_ResumeDeliversThem()
    {
        await using var world = await DeliveryWorld.StartAsync();

        var pause = await world.RunOperatorAsync("channels", "pause", DeliveryWorld.WooCommerceChannel, "--reason", "store migration tonight");
        var unknown = await world.RunOperatorAsync("channels", "pause", "no-such-channel", "--reason", "x");
        await world.SubmitAsync(DeliveryWorld.Stock("HELD-1", TimeProvider.System.GetUtcNow(), ("E2E-002", 3)));
        await EventuallyDeliveredElsewhereAsync(world, "HELD-1", DeliveryWorld.WooCommerceChannel);
        await Task.Delay(TimeSpan.FromSeconds(1)); // several polls of the paused channel
        var held = await world.StatusAsync("HELD-1");
        var channel = await WaitForChannelAsync(world, DeliveryWorld.WooCommerceChannel, "Paused");
        var status = await world.RunOperatorAsync("status", "--message", "HELD-1");

        Assert.That(pause.Code, Is.Zero, pause.Error);
        Assert.That(unknown.Code, Is.EqualTo(1));
        Assert.That(unknown.Error, Does.Contain("No channel 'no-such-channel'"));
        Assert.That(DeliveryWorld.StatusOf(held[DeliveryWorld.WooCommerceChannel]), Is.EqualTo("Pending"));
        Assert.That(held[DeliveryWorld.WooCommerceChannel].Element(St + "Attempts")!.Value, Is.EqualTo("0"));
        Assert.That(channel.GetProperty("pausedBy").GetString(), Is.EqualTo("Operator"));
        Assert.That(channel.GetProperty("reason").GetString(), Is.EqualTo("store migration tonight"));
        Assert.That(status.Output, Does.Contain($"{DeliveryWorld.WooCommerceChannel}: Pending, 0 attempt(s)").And.Contain("channel Paused (Operator): store migration tonight"));

        var resume = await world.RunOperatorAsync("channels", "resume", DeliveryWorld.WooCommerceChannel);
        var again = await world.RunOperatorAsync("channels", "resume", DeliveryWorld.WooCommerceChannel);
        await world.WaitForAsync("HELD-1", "Delivered");

        Assert.That(resume.Code, Is.Zero, resume.Error);
        Assert.That(again.Code, Is.EqualTo(1), "not paused any more");
    }

    /// <summary>The channel as GET /status shows it, once it is in <paramref name="state"/>.</summary>
    private static async Task<JsonElement> WaitForChannelAsync(DeliveryWorld world, string channel, string state)
    {
        using var http = world.Bridge.MonitoringClient();
        JsonElement found = default;
        await DeliveryWorld.EventuallyAsync(
            () =>
            {
                var body = http.GetStringAsync(new Uri(world.Bridge.BaseAddress, "status")).GetAwaiter().GetResult();
                found = JsonDocument.Parse(body).RootElement.GetProperty("channels").GetProperty(channel).Clone();
                return found.GetProperty("state").GetString() == state;
            },
            $"{channel} {state} in /status");
        return found;
    }

    private static async Task<XElement> WaitForShopifyPendingAsync(DeliveryWorld world, string messageId)
    {
        // A probe may hold the delivery for a moment (InProgress); between probes it waits as Pending.
        for (var i = 0; i < 100; i++)
        {
            var delivery = (await world.StatusAsync(messageId))[DeliveryWorld.ShopifyChannel];
            if (DeliveryWorld.StatusOf(delivery) == "Pending")
            {
                return delivery;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"{messageId} never waited as Pending on the paused channel");
        return null!;
    }

    private static async Task EventuallyDeliveredElsewhereAsync(DeliveryWorld world, string messageId, string except)
    {
        for (var i = 0; i < 300; i++)
        {
            var deliveries = await world.StatusAsync(messageId);
            if (deliveries.Where(d => d.Key != except).All(d => DeliveryWorld.StatusOf(d.Value) == "Delivered"))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"{messageId} was not delivered on the channels that are not paused");
    }
}
