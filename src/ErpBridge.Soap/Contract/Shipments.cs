using System.ServiceModel;
using System.Xml.Serialization;

namespace ErpBridge.Soap.Contract;

/// <summary>shp:SubmitShipments, which is also the canonical shipment message.</summary>
[MessageContract(WrapperName = "SubmitShipments", WrapperNamespace = Ns.Shipments, IsWrapped = true)]
[XmlRoot("SubmitShipments", Namespace = Ns.Shipments)]
[XmlType(Namespace = Ns.Shipments)]
public sealed class SubmitShipmentsRequest : IEnvelopeFields
{
    [MessageBodyMember(Namespace = Ns.Shipments, Order = 0)]
    [XmlElement(Order = 0)]
    public string MessageId { get; set; } = "";

    [MessageBodyMember(Namespace = Ns.Shipments, Order = 1)]
    [XmlElement(Order = 1)]
    public string SentAt { get; set; } = "";

    [MessageBodyMember(Namespace = Ns.Shipments, Order = 2)]
    [XmlElement(Order = 2)]
    public string SourceSystem { get; set; } = "";

    [MessageBodyMember(Namespace = Ns.Shipments, Order = 3)]
    [XmlElement(Order = 3)]
    public ShipmentList Shipments { get; set; } = new();
}

[XmlType(Namespace = Ns.Shipments)]
public sealed class ShipmentList
{
    [XmlElement("Shipment")]
    public List<Shipment> Shipment { get; set; } = [];
}

[XmlType(Namespace = Ns.Shipments)]
public sealed class Shipment
{
    /// <summary>Optional: null when the shipment leaves its channel to the order it names.</summary>
    [XmlElement(Order = 0)]
    public string? Channel { get; set; }

    [XmlElement(Order = 1)]
    public string OrderNumber { get; set; } = "";

    [XmlElement(Order = 2)]
    public string ShipmentId { get; set; } = "";

    [XmlElement(Order = 3)]
    public string Carrier { get; set; } = "";

    [XmlElement(Order = 4)]
    public string TrackingNumber { get; set; } = "";

    [XmlElement(Order = 5)]
    public string? TrackingUrl { get; set; }

    [XmlElement(Order = 6)]
    public string ShippedAt { get; set; } = "";

    [XmlElement(Order = 7)]
    public ShipmentLines Lines { get; set; } = new();
}

[XmlType(Namespace = Ns.Shipments)]
public sealed class ShipmentLines
{
    [XmlElement("Line")]
    public List<ShipmentLine> Line { get; set; } = [];
}

[XmlType(Namespace = Ns.Shipments)]
public sealed class ShipmentLine
{
    [XmlElement(Order = 0)]
    public string Sku { get; set; } = "";

    [XmlElement(Order = 1)]
    public int Quantity { get; set; }
}

[MessageContract(WrapperName = "SubmitShipmentsResponse", WrapperNamespace = Ns.Shipments, IsWrapped = true)]
public sealed class SubmitShipmentsResponse
{
    [MessageBodyMember(Namespace = Ns.Shipments, Order = 0)]
    public ReceiptDto Receipt { get; set; } = new();
}
