// Types and messages of wsdl/Products.xsd (urn:erpbridge:products:v1), in the shape dotnet-svcutil generates.
#nullable disable
using System.ServiceModel;
using System.Xml.Serialization;

namespace ErpBridge.Tests.Soap.Interop.Wcf.Proxy;

/// <summary>prd:Product. Optional elements of reference type are left null; Attributes becomes an array.</summary>
[XmlType(Namespace = "urn:erpbridge:products:v1")]
public partial class Product
{
    [XmlElement(Order = 0)]
    public string Sku { get; set; }

    [XmlElement(Order = 1)]
    public string Title { get; set; }

    [XmlElement(Order = 2)]
    public string Description { get; set; }

    [XmlElement(Order = 3)]
    public decimal Price { get; set; }

    [XmlElement(Order = 4)]
    public string Currency { get; set; }

    [XmlElement(Order = 5)]
    public ProductStatus Status { get; set; }

    [XmlElement(Order = 6)]
    public string Barcode { get; set; }

    [XmlElement(Order = 7)]
    public Weight Weight { get; set; }

    [XmlArray(Order = 8)]
    [XmlArrayItem("Attribute", IsNullable = false)]
    public Attribute[] Attributes { get; set; }
}

/// <summary>prd:ProductStatus; svcutil keeps the enumeration values as member names.</summary>
[XmlType(Namespace = "urn:erpbridge:products:v1")]
public enum ProductStatus
{
    active,
    draft,
    archived,
}

/// <summary>prd:Weight: a decimal with a required unit attribute (simple content).</summary>
[XmlType(Namespace = "urn:erpbridge:products:v1")]
public partial class Weight
{
    [XmlAttribute]
    public WeightUnit unit { get; set; }

    [XmlText]
    public decimal Value { get; set; }
}

[XmlType(Namespace = "urn:erpbridge:products:v1")]
public enum WeightUnit
{
    g,
    kg,
    oz,
    lb,
}

[XmlType(Namespace = "urn:erpbridge:products:v1")]
public partial class Attribute
{
    [XmlElement(Order = 0)]
    public string Name { get; set; }

    [XmlElement(Order = 1)]
    public string Value { get; set; }
}

[MessageContract(WrapperName = "SubmitProducts", WrapperNamespace = "urn:erpbridge:products:v1", IsWrapped = true)]
public partial class SubmitProductsRequest
{
    [MessageBodyMember(Namespace = "urn:erpbridge:products:v1", Order = 0)]
    public string MessageId;

    [MessageBodyMember(Namespace = "urn:erpbridge:products:v1", Order = 1)]
    public DateTime SentAt;

    [MessageBodyMember(Namespace = "urn:erpbridge:products:v1", Order = 2)]
    public string SourceSystem;

    [MessageBodyMember(Namespace = "urn:erpbridge:products:v1", Order = 3)]
    [XmlArrayItem("Product", IsNullable = false)]
    public Product[] Products;

    public SubmitProductsRequest()
    {
    }

    public SubmitProductsRequest(string MessageId, DateTime SentAt, string SourceSystem, Product[] Products)
    {
        this.MessageId = MessageId;
        this.SentAt = SentAt;
        this.SourceSystem = SourceSystem;
        this.Products = Products;
    }
}

[MessageContract(WrapperName = "SubmitProductsResponse", WrapperNamespace = "urn:erpbridge:products:v1", IsWrapped = true)]
public partial class SubmitProductsResponse
{
    [MessageBodyMember(Namespace = "urn:erpbridge:products:v1", Order = 0)]
    public Receipt Receipt;

    public SubmitProductsResponse()
    {
    }

    public SubmitProductsResponse(Receipt Receipt) => this.Receipt = Receipt;
}
