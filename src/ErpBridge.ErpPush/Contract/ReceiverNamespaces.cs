using ErpBridge.Core.Messages;
namespace ErpBridge.ErpPush.Contract;

/// <summary>The namespaces of the receiver's contract.</summary>
public static class ReceiverNamespaces
{
    /// <summary>The XSD's target namespace: every message element.</summary>
    public const string Messages = XmlNamespaces.ErpOrders;

    /// <summary>The WSDL's target namespace: port type and binding.</summary>
    public const string Wsdl = XmlNamespaces.ErpOrdersWsdl;
}
