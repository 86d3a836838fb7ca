namespace ErpBridge.ErpPush.Contract;

/// <summary>The namespaces of the receiver's contract.</summary>
public static class ReceiverNamespaces
{
    /// <summary>The XSD's target namespace: every message element.</summary>
    public const string Messages = "urn:erpbridge:erp:orders:v1";

    /// <summary>The WSDL's target namespace: port type and binding.</summary>
    public const string Wsdl = "urn:erpbridge:erp:orders:v1:wsdl";
}
