using System.ServiceModel;
using System.Xml.Serialization;

namespace ErpBridge.Soap.Contract;

[MessageContract(WrapperName = "GetMessageStatus", WrapperNamespace = Ns.Status, IsWrapped = true)]
public sealed class GetMessageStatusRequest
{
    [MessageBodyMember(Namespace = Ns.Status, Order = 0)]
    public string MessageId { get; set; } = "";
}

[MessageContract(WrapperName = "GetMessageStatusResponse", WrapperNamespace = Ns.Status, IsWrapped = true)]
public sealed class GetMessageStatusResponse
{
    [MessageBodyMember(Namespace = Ns.Status, Order = 0)]
    public string MessageId { get; set; } = "";

    [MessageBodyMember(Namespace = Ns.Status, Order = 1)]
    public string MessageType { get; set; } = "";

    [MessageBodyMember(Namespace = Ns.Status, Order = 2)]
    public DateTime ReceivedAt { get; set; }

    [MessageBodyMember(Namespace = Ns.Status, Order = 3)]
    public DeliveryList Deliveries { get; set; } = new();
}

[XmlType(Namespace = Ns.Status)]
public sealed class DeliveryList
{
    [XmlElement("Delivery")]
    public List<ChannelDelivery> Delivery { get; set; } = [];
}

[XmlType(Namespace = Ns.Status)]
public sealed class ChannelDelivery
{
    [XmlElement(Order = 0)]
    public string Channel { get; set; } = "";

    [XmlElement(Order = 1)]
    public string Status { get; set; } = "";

    [XmlElement(Order = 2)]
    public int Attempts { get; set; }

    [XmlElement(Order = 3)]
    public DateTime LastAttemptAt { get; set; }

    [XmlIgnore]
    public bool LastAttemptAtSpecified { get; set; }

    [XmlElement(Order = 4)]
    public DateTime NextAttemptAt { get; set; }

    [XmlIgnore]
    public bool NextAttemptAtSpecified { get; set; }

    [XmlElement(Order = 5)]
    public string? LastError { get; set; }

    [XmlElement(Order = 6)]
    public StatusHistory? History { get; set; }

    /// <summary>The items the channel skipped or failed on their own (absent when there are none).</summary>
    [XmlElement(Order = 7)]
    public DeliveryItemList? Items { get; set; }
}

[XmlType(Namespace = Ns.Status)]
public sealed class DeliveryItemList
{
    [XmlElement("Item")]
    public List<DeliveryItem> Item { get; set; } = [];
}

/// <summary>One item of a message on one channel: Skipped (not for the channel) or Failed (a dead letter of its own), and why.</summary>
[XmlType(Namespace = Ns.Status)]
public sealed class DeliveryItem
{
    [XmlElement(Order = 0)]
    public string Key { get; set; } = "";

    [XmlElement(Order = 1)]
    public string Outcome { get; set; } = "";

    [XmlElement(Order = 2)]
    public string Reason { get; set; } = "";

    [XmlElement(Order = 3)]
    public DateTime At { get; set; }
}

[XmlType(Namespace = Ns.Status)]
public sealed class StatusHistory
{
    [XmlElement("Change")]
    public List<StatusChange> Change { get; set; } = [];
}

[XmlType(Namespace = Ns.Status)]
public sealed class StatusChange
{
    [XmlElement(Order = 0)]
    public DateTime At { get; set; }

    [XmlElement(Order = 1)]
    public string Status { get; set; } = "";

    [XmlElement(Order = 2)]
    public string? Detail { get; set; }
}
