using ErpBridge.Core.Messages;

namespace ErpBridge.Soap.Contract;

/// <summary>The namespaces the SOAP contract uses: the bridge's own (from <see cref="XmlNamespaces"/>) and SOAP's.</summary>
public static class Ns
{
    public const string Service = XmlNamespaces.Service;
    public const string Common = XmlNamespaces.Common;
    public const string Inventory = XmlNamespaces.Inventory;
    public const string Products = XmlNamespaces.Products;
    public const string Shipments = XmlNamespaces.Shipments;
    public const string Documents = XmlNamespaces.Documents;
    public const string Status = XmlNamespaces.Status;
    public const string Orders = XmlNamespaces.Orders;
    public const string Reconciliation = XmlNamespaces.Reconciliation;
    public const string Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public const string Soap12 = "http://www.w3.org/2003/05/soap-envelope";
    public const string WsSecurity = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public const string WsUtility = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
}
