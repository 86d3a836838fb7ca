using System.ServiceModel;
using System.Xml.Serialization;

namespace ErpBridge.Soap.Contract;

[MessageContract(WrapperName = "StartReconciliation", WrapperNamespace = Ns.Reconciliation, IsWrapped = true)]
public sealed class StartReconciliationRequest
{
    [MessageBodyMember(Namespace = Ns.Reconciliation, Order = 0)]
    public string? Channel { get; set; }
}

[MessageContract(WrapperName = "StartReconciliationResponse", WrapperNamespace = Ns.Reconciliation, IsWrapped = true)]
public sealed class StartReconciliationResponse
{
    [MessageBodyMember(Namespace = Ns.Reconciliation, Order = 0)]
    public RunSummaryList Runs { get; set; } = new();
}

[XmlType(Namespace = Ns.Reconciliation)]
public sealed class RunSummaryList
{
    [XmlElement("Run")]
    public List<RunSummaryDto> Run { get; set; } = [];
}

[XmlType("RunSummary", Namespace = Ns.Reconciliation)]
public sealed class RunSummaryDto
{
    [XmlElement(Order = 0)]
    public long RunId { get; set; }

    [XmlElement(Order = 1)]
    public string Channel { get; set; } = "";

    [XmlElement(Order = 2)]
    public string Status { get; set; } = "";

    [XmlElement(Order = 3)]
    public DateTime StartedAt { get; set; }
}

[MessageContract(WrapperName = "GetReconciliationReport", WrapperNamespace = Ns.Reconciliation, IsWrapped = true)]
public sealed class GetReconciliationReportRequest
{
    [MessageBodyMember(Namespace = Ns.Reconciliation, Order = 0)]
    public long? RunId { get; set; }

    [MessageBodyMember(Namespace = Ns.Reconciliation, Order = 1)]
    public string? Channel { get; set; }

    [MessageBodyMember(Namespace = Ns.Reconciliation, Order = 2)]
    public int? MaxFindings { get; set; }
}

[MessageContract(WrapperName = "GetReconciliationReportResponse", WrapperNamespace = Ns.Reconciliation, IsWrapped = true)]
public sealed class GetReconciliationReportResponse
{
    [MessageBodyMember(Namespace = Ns.Reconciliation, Order = 0)]
    public RunReportDto Run { get; set; } = new();
}

[XmlType("RunReport", Namespace = Ns.Reconciliation)]
public sealed class RunReportDto
{
    [XmlElement(Order = 0)]
    public long RunId { get; set; }

    [XmlElement(Order = 1)]
    public string Channel { get; set; } = "";

    [XmlElement(Order = 2)]
    public string Status { get; set; } = "";

    [XmlElement(Order = 3)]
    public string Phase { get; set; } = "";

    [XmlElement(Order = 4)]
    public string Trigger { get; set; } = "";

    [XmlElement(Order = 5)]
    public DateTime StartedAt { get; set; }

    [XmlElement(Order = 6)]
    public DateTime FinishedAt { get; set; }

    [XmlIgnore]
    public bool FinishedAtSpecified { get; set; }

    [XmlElement(Order = 7)]
    public int PagesRead { get; set; }

    [XmlElement(Order = 8)]
    public long LevelsRead { get; set; }

    [XmlElement(Order = 9)]
    public string? Error { get; set; }

    [XmlElement(Order = 10)]
    public ClassCountList Counts { get; set; } = new();

    [XmlElement(Order = 11)]
    public long Healed { get; set; }

    [XmlElement(Order = 12)]
    public FindingList Findings { get; set; } = new();
}

[XmlType(Namespace = Ns.Reconciliation)]
public sealed class ClassCountList
{
    [XmlElement("Count")]
    public List<ClassCountDto> Count { get; set; } = [];
}

[XmlType("ClassCount", Namespace = Ns.Reconciliation)]
public sealed class ClassCountDto
{
    [XmlElement(Order = 0)]
    public string Class { get; set; } = "";

    [XmlElement(Order = 1)]
    public long Number { get; set; }
}

[XmlType(Namespace = Ns.Reconciliation)]
public sealed class FindingList
{
    [XmlElement("Finding")]
    public List<FindingDto> Finding { get; set; } = [];
}

[XmlType("Finding", Namespace = Ns.Reconciliation)]
public sealed class FindingDto
{
    [XmlElement(Order = 0)]
    public string Class { get; set; } = "";

    [XmlElement(Order = 1)]
    public string Key { get; set; } = "";

    [XmlElement(Order = 2)]
    public string? Sku { get; set; }

    [XmlElement(Order = 3)]
    public string? Location { get; set; }

    [XmlElement(Order = 4)]
    public long ErpQuantity { get; set; }

    [XmlIgnore]
    public bool ErpQuantitySpecified { get; set; }

    [XmlElement(Order = 5)]
    public long StoreQuantity { get; set; }

    [XmlIgnore]
    public bool StoreQuantitySpecified { get; set; }

    [XmlElement(Order = 6)]
    public string? Detail { get; set; }

    [XmlElement(Order = 7)]
    public string? HealedBy { get; set; }
}
