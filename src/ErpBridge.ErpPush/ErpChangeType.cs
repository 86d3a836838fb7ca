using System.Xml.Linq;
using ErpBridge.Core.Messages;

namespace ErpBridge.ErpPush;

/// <summary>
/// The ChangeType of a hand-over. The ERP must know whether it is looking at a new order or at a change of one it
/// already has: the first hand-over of an order is New, every later one is an Update or, once the shop cancelled
/// the order, a Cancellation.
/// </summary>
public static class ErpChangeType
{
    public const string New = "New";
    public const string Update = "Update";
    public const string Cancellation = "Cancellation";

    private static readonly XNamespace Order = XmlNamespaces.Orders;

    public static bool IsValid(string? changeType) => changeType is New or Update or Cancellation;

    /// <summary>
    /// The change type of the next hand-over of <paramref name="order"/> (a canonical ord:Order): New when the order
    /// was never handed over successfully; afterwards Cancellation when its Status is Cancelled, else Update.
    /// </summary>
    public static string For(XDocument order, bool handedOverBefore)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (!handedOverBefore)
        {
            return New;
        }

        var status = (string?)order.Root?.Element(Order + "Status");
        return status == "Cancelled" ? Cancellation : Update;
    }
}
