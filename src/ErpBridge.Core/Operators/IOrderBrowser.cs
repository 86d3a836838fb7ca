using ErpBridge.Core.Orders;

namespace ErpBridge.Core.Operators;

/// <summary>One store order whole, as an operator looks at it (lists come from <see cref="IOrderStore.ListAsync"/>).</summary>
public interface IOrderBrowser
{
    Task<OrderDetail?> GetOrderAsync(string orderId, CancellationToken cancellationToken);
}
