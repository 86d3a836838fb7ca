// Types and messages of wsdl/Inventory.xsd (urn:erpbridge:inventory:v1), in the shape dotnet-svcutil generates.
#nullable disable
using System.ServiceModel;
using System.Xml.Serialization;

namespace ErpBridge.Tests.Soap.Interop.Wcf.Proxy;

[XmlType(Namespace = "urn:erpbridge:inventory:v1")]
public partial class InventoryItem
{
    [XmlElement(Order = 0)]
    public string Sku { get; set; }

    [XmlElement(Order = 1)]
    public string Location { get; set; }

    [XmlElement(Order = 2)]
    public int Quantity { get; set; }
}

[MessageContract(WrapperName = "SubmitInventory", WrapperNamespace = "urn:erpbridge:inventory:v1", IsWrapped = true)]
public partial class SubmitInventoryRequest
{
    [MessageBodyMember(Namespace = "urn:erpbridge:inventory:v1", Order = 0)]
    public string MessageId;

    [MessageBodyMember(Namespace = "urn:erpbridge:inventory:v1", Order = 1)]
    public DateTime SentAt;

    [MessageBodyMember(Namespace = "urn:erpbridge:inventory:v1", Order = 2)]
    public string SourceSystem;

    [MessageBodyMember(Namespace = "urn:erpbridge:inventory:v1", Order = 3)]
    [XmlArrayItem("Item", IsNullable = false)]
    public InventoryItem[] Items;

    public SubmitInventoryRequest()
    {
    }

    public SubmitInventoryRequest(string MessageId, DateTime SentAt, string SourceSystem, InventoryItem[] Items)
    {
        this.MessageId = MessageId;
        this.SentAt = SentAt;
        this.SourceSystem = SourceSystem;
        this.Items = Items;
    }
}

[MessageContract(WrapperName = "SubmitInventoryResponse", WrapperNamespace = "urn:erpbridge:inventory:v1", IsWrapped = true)]
public partial class SubmitInventoryResponse
{
    [MessageBodyMember(Namespace = "urn:erpbridge:inventory:v1", Order = 0)]
    public Receipt Receipt;

    public SubmitInventoryResponse()
    {
    }

    public SubmitInventoryResponse(Receipt Receipt) => this.Receipt = Receipt;
}
