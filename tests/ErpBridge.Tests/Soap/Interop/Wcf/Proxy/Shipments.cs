// Types and messages of wsdl/Shipments.xsd (urn:erpbridge:shipments:v1), in the shape dotnet-svcutil generates.
#nullable disable
using System.ServiceModel;
using System.Xml.Serialization;

namespace ErpBridge.Tests.Soap.Interop.Wcf.Proxy;

[XmlType(Namespace = "urn:erpbridge:shipments:v1")]
public partial class Shipment
{
    [XmlElement(Order = 0)]
    public string Channel { get; set; }

    [XmlElement(Order = 1)]
    public string OrderNumber { get; set; }

    [XmlElement(Order = 2)]
    public string ShipmentId { get; set; }

    [XmlElement(Order = 3)]
    public string Carrier { get; set; }

    [XmlElement(Order = 4)]
    public string TrackingNumber { get; set; }

    [XmlElement(DataType = "anyURI", Order = 5)]
    public string TrackingUrl { get; set; }

    [XmlElement(Order = 6)]
    public DateTime ShippedAt { get; set; }

    [XmlArray(Order = 7)]
    [XmlArrayItem("Line", IsNullable = false)]
    public ShipmentLine[] Lines { get; set; }
}

[XmlType(Namespace = "urn:erpbridge:shipments:v1")]
public partial class ShipmentLine
{
    [XmlElement(Order = 0)]
    public string Sku { get; set; }

    [XmlElement(Order = 1)]
    public int Quantity { get; set; }
}

[MessageContract(WrapperName = "SubmitShipments", WrapperNamespace = "urn:erpbridge:shipments:v1", IsWrapped = true)]
public partial class SubmitShipmentsRequest
{
    [MessageBodyMember(Namespace = "urn:erpbridge:shipments:v1", Order = 0)]
    public string MessageId;

    [MessageBodyMember(Namespace = "urn:erpbridge:shipments:v1", Order = 1)]
    public DateTime SentAt;

    [MessageBodyMember(Namespace = "urn:erpbridge:shipments:v1", Order = 2)]
    public string SourceSystem;

    [MessageBodyMember(Namespace = "urn:erpbridge:shipments:v1", Order = 3)]
    [XmlArrayItem("Shipment", IsNullable = false)]
    public Shipment[] Shipments;

    public SubmitShipmentsRequest()
    {
    }

    public SubmitShipmentsRequest(string MessageId, DateTime SentAt, string SourceSystem, Shipment[] Shipments)
    {
        this.MessageId = MessageId;
        this.SentAt = SentAt;
        this.SourceSystem = SourceSystem;
        this.Shipments = Shipments;
    }
}

[MessageContract(WrapperName = "SubmitShipmentsResponse", WrapperNamespace = "urn:erpbridge:shipments:v1", IsWrapped = true)]
public partial class SubmitShipmentsResponse
{
    [MessageBodyMember(Namespace = "urn:erpbridge:shipments:v1", Order = 0)]
    public Receipt Receipt;

    public SubmitShipmentsResponse()
    {
    }

    public SubmitShipmentsResponse(Receipt Receipt) => this.Receipt = Receipt;
}
