using System.ServiceModel;
using System.Xml.Serialization;

namespace ErpBridge.Soap.Contract;

/// <summary>inv:SubmitInventory, which is also the canonical inventory message.</summary>
[MessageContract(WrapperName = "SubmitInventory", WrapperNamespace = Ns.Inventory, IsWrapped = true)]
[XmlRoot("SubmitInventory", Namespace = Ns.Inventory)]
[XmlType(Namespace = Ns.Inventory)]
public sealed class SubmitInventoryRequest : IEnvelopeFields
{
    [MessageBodyMember(Namespace = Ns.Inventory, Order = 0)]
    [XmlElement(Order = 0)]
    public string MessageId { get; set; } = "";

    [MessageBodyMember(Namespace = Ns.Inventory, Order = 1)]
    [XmlElement(Order = 1)]
    public string SentAt { get; set; } = "";

    [MessageBodyMember(Namespace = Ns.Inventory, Order = 2)]
    [XmlElement(Order = 2)]
    public string SourceSystem { get; set; } = "";

    [MessageBodyMember(Namespace = Ns.Inventory, Order = 3)]
    [XmlElement(Order = 3)]
    public InventoryItems Items { get; set; } = new();
}

[XmlType(Namespace = Ns.Inventory)]
public sealed class InventoryItems
{
    [XmlElement("Item")]
    public List<InventoryItem> Item { get; set; } = [];
}

[XmlType(Namespace = Ns.Inventory)]
public sealed class InventoryItem
{
    [XmlElement(Order = 0)]
    public string Sku { get; set; } = "";

    [XmlElement(Order = 1)]
    public string Location { get; set; } = "";

    [XmlElement(Order = 2)]
    public int Quantity { get; set; }
}

[MessageContract(WrapperName = "SubmitInventoryResponse", WrapperNamespace = Ns.Inventory, IsWrapped = true)]
public sealed class SubmitInventoryResponse
{
    [MessageBodyMember(Namespace = Ns.Inventory, Order = 0)]
    public ReceiptDto Receipt { get; set; } = new();
}
