namespace ErpBridge.Soap.Contract;

/// <summary>The contract's XML namespaces (wsdl/). Version 1; a breaking change gets new ones.</summary>
public static class Ns
{
    public const string Service = "urn:erpbridge:v1";
    public const string Common = "urn:erpbridge:common:v1";
    public const string Inventory = "urn:erpbridge:inventory:v1";
    public const string Products = "urn:erpbridge:products:v1";
    public const string Shipments = "urn:erpbridge:shipments:v1";
    public const string Documents = "urn:erpbridge:documents:v1";
    public const string Status = "urn:erpbridge:status:v1";
    public const string Orders = "urn:erpbridge:orders:v1";
    public const string Reconciliation = "urn:erpbridge:reconciliation:v1";
    public const string Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public const string Soap12 = "http://www.w3.org/2003/05/soap-envelope";
    public const string WsSecurity = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public const string WsUtility = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
}
