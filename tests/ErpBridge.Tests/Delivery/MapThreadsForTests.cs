using ErpBridge.Delivery;

namespace ErpBridge.Tests.Delivery;

/// <summary>One set of map threads for the delivery tests over fakes (background threads that live as long as the test run).</summary>
public static class MapThreadsForTests
{
    public static MapThreads Shared { get; } = new(16);
}
