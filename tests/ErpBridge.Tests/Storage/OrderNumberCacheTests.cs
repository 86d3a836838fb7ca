using ErpBridge.Storage;

namespace ErpBridge.Tests.Storage;

/// <summary>The in-memory answers of the order-number look-up on SQLite: nothing read before a write is kept after it.</summary>
public sealed class OrderNumberCacheTests
{
    [Test]
    public void Keep_AnswersReadBeforeAWrite_AreNotKept()
    {
        var cache = new OrderNumberCache();
        var readIn = cache.Generation;

        // Orders are written (and the cache told) while the look-up's read was still under way.
        cache.Forget();
        cache.Keep(readIn, new Dictionary<string, IReadOnlyList<string>> { ["1001"] = ["shop"] });

        Assert.That(cache.TryGet("1001", out _), Is.False);
    }

    [Test]
    public void Keep_AnswersReadInTheCurrentGeneration_AreKept_UntilTheNextWrite()
    {
        var cache = new OrderNumberCache();
        cache.Keep(cache.Generation, new Dictionary<string, IReadOnlyList<string>> { ["1001"] = ["shop"] });

        Assert.That(cache.TryGet("1001", out var channels), Is.True);
        Assert.That(channels, Is.EqualTo(new[] { "shop" }));

        cache.Forget();

        Assert.That(cache.TryGet("1001", out _), Is.False);
    }
}
