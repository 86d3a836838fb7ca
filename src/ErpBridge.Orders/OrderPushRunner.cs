namespace ErpBridge.Orders;

/// <summary>Placeholder until the ERP push client is wired: pushes nothing.</summary>
public sealed class OrderPushRunner
{
    public Task<int> RunAsync(string channel, CancellationToken cancellationToken) => Task.FromResult(0);
}
