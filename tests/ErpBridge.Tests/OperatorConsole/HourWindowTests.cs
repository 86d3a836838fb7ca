using ErpBridge.Host.OperatorConsole;
using Microsoft.Extensions.Time.Testing;

namespace ErpBridge.Tests.OperatorConsole;

/// <summary>The overview's counts of the last hour: minute buckets that age out, per key.</summary>
public sealed class HourWindowTests
{
    [Test]
    public void Counts_AreKeptPerKey_ForAnHour_ThenForgotten()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 10, 0, 30, TimeSpan.Zero));
        var window = new HourWindow(time);

        window.Add("SubmitInventory");
        window.Add("SubmitInventory", 2);
        time.Advance(TimeSpan.FromMinutes(30));
        window.Add("SubmitInventory");
        window.Add("SubmitProducts");
        Assert.That(window.LastHour(), Is.EquivalentTo(new Dictionary<string, long> { ["SubmitInventory"] = 4, ["SubmitProducts"] = 1 }));

        time.Advance(TimeSpan.FromMinutes(30));
        Assert.That(window.LastHour(), Is.EquivalentTo(new Dictionary<string, long> { ["SubmitInventory"] = 1, ["SubmitProducts"] = 1 }), "the first minute's three are an hour old");

        time.Advance(TimeSpan.FromMinutes(30));
        window.Add("SubmitInventory", 5);
        Assert.That(window.LastHour(), Is.EquivalentTo(new Dictionary<string, long> { ["SubmitInventory"] = 5 }), "a bucket reused an hour later starts from zero");
    }
}
