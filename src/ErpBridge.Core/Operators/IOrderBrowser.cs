using ErpBridge.Core.Orders;

namespace ErpBridge.Core.Operators;

/// <summary>Store orders as an operator looks at them: listed by channel and state, and one order whole.</summary>
public interface IOrderBrowser
{
    /// <summary>The most recently changed orders first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<OrderSummary>> ListOrdersAsync(string? channel, OrderState? state, int limit, CancellationToken cancellationToken);

    Task<OrderDetail?> GetOrderAsync(string orderId, CancellationToken cancellationToken);
}
