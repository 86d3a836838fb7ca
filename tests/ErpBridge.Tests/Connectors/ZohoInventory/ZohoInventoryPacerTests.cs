using ErpBridge.Connectors.ZohoInventory;
using ErpBridge.Core.Delivery;
using Microsoft.Extensions.Time.Testing;

namespace ErpBridge.Tests.Connectors.ZohoInventory;

/// <summary>Zoho's two limits on the injected clock: so many requests in any minute, and a day's budget that resets at midnight UTC.</summary>
public sealed class ZohoInventoryPacerTests
{
    [Test]
    public async Task WaitAsync_HoldsTheRequestBeyondTheMinutesLimit_UntilTheOldestAgesOut()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 8, 10, 0, 0, TimeSpan.Zero));
        var pacer = new ZohoInventoryPacer(clock, perMinute: 2, dailyLimit: 100, reserve: 0);

        await pacer.WaitAsync(null, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(20));
        await pacer.WaitAsync(null, CancellationToken.None);
        var third = pacer.WaitAsync(null, CancellationToken.None).AsTask();

        Assert.That(third.IsCompleted, Is.False, "a third request in the same minute waits");
        clock.Advance(TimeSpan.FromSeconds(39));
        Assert.That(third.IsCompleted, Is.False);
        clock.Advance(TimeSpan.FromSeconds(1));
        await third;
        Assert.That(pacer.RemainingToday, Is.EqualTo(97));
    }

    [Test]
    public async Task Exhausted_AfterTheDaysBudgetLessTheReserve_UntilMidnightUtc()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 8, 22, 0, 0, TimeSpan.Zero));
        var pacer = new ZohoInventoryPacer(clock, perMinute: 100, dailyLimit: 3, reserve: 1);

        Assert.That(pacer.Exhausted(), Is.Null);
        await pacer.WaitAsync(null, CancellationToken.None);
        await pacer.WaitAsync(null, CancellationToken.None);

        var exhausted = pacer.Exhausted();
        Assert.That(exhausted, Is.TypeOf<DeliveryOutcome.TransientFailure>());
        Assert.That(exhausted!.RetryAfter, Is.EqualTo(TimeSpan.FromHours(2)));
        Assert.That(exhausted.Reason, Does.Contain("2 of the organisation's 3"));

        clock.Advance(TimeSpan.FromHours(2));
        Assert.That(pacer.Exhausted(), Is.Null, "a new day, a new budget");
        Assert.That(pacer.RemainingToday, Is.EqualTo(2));
    }

    [Test]
    public async Task ChannelsOfOneOrganisation_ShareOneBudget()
    {
        await using var org = await ZohoTestOrganisation.StartAsync(o => o.DailyLimit = 50);
        org.Sandbox.Seed(["A-1"]);
        var factory = new ZohoInventoryConnectorFactory(new ZohoInventoryConnectorOptions { DailyLimit = 50 });
        await using var first = (ZohoInventoryConnector)factory.Create("zoho-a", ZohoTestOrganisation.Channel(org.Sandbox));
        await using var second = (ZohoInventoryConnector)factory.Create("zoho-b", ZohoTestOrganisation.Channel(org.Sandbox));
        var other = ZohoTestOrganisation.Channel(org.Sandbox);
        other.OrganizationId = "999";
        await using var otherOrganisation = (ZohoInventoryConnector)factory.Create("zoho-c", other);

        await first.ExecuteAsync(ZohoTestOrganisation.Stock("S-1", ("A-1", "WH1", 3)), CancellationToken.None);

        Assert.That(second.RemainingDailyRequests, Is.EqualTo(first.RemainingDailyRequests).And.LessThan(50));
        Assert.That(otherOrganisation.RemainingDailyRequests, Is.EqualTo(50));
    }
}
