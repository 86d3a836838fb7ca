namespace ErpBridge.Core.Messages;

/// <summary>
/// The bridge's own XML namespaces, in one place: the SOAP contract and canonical messages (wsdl/), request plans,
/// and the ERP order receiver's contract. Version 1; a breaking change gets new ones.
/// </summary>
public static class XmlNamespaces
{
    public const string Service = "urn:erpbridge:v1";
    public const string Common = "urn:erpbridge:common:v1";
    public const string Inventory = "urn:erpbridge:inventory:v1";
    public const string Products = "urn:erpbridge:products:v1";
    public const string Shipments = "urn:erpbridge:shipments:v1";
    public const string Documents = "urn:erpbridge:documents:v1";
    public const string Prices = "urn:erpbridge:prices:v1";
    public const string Status = "urn:erpbridge:status:v1";
    public const string Orders = "urn:erpbridge:orders:v1";
    public const string Reconciliation = "urn:erpbridge:reconciliation:v1";

    /// <summary>Request plans: what an outbound map produces and a connector executes.</summary>
    public const string Plan = "urn:erpbridge:plan:v1";

    /// <summary>The ERP order receiver's messages (the XSD's target namespace).</summary>
    public const string ErpOrders = "urn:erpbridge:erp:orders:v1";

    /// <summary>The ERP order receiver's WSDL: port type and binding.</summary>
    public const string ErpOrdersWsdl = "urn:erpbridge:erp:orders:v1:wsdl";
}
