using System.ServiceModel;
using System.Xml.Serialization;

namespace ErpBridge.Soap.Contract;

/// <summary>prd:SubmitProducts, which is also the canonical product message.</summary>
[MessageContract(WrapperName = "SubmitProducts", WrapperNamespace = Ns.Products, IsWrapped = true)]
[XmlRoot("SubmitProducts", Namespace = Ns.Products)]
[XmlType(Namespace = Ns.Products)]
public sealed class SubmitProductsRequest : IEnvelopeFields
{
    [MessageBodyMember(Namespace = Ns.Products, Order = 0)]
    [XmlElement(Order = 0)]
    public string MessageId { get; set; } = "";

    [MessageBodyMember(Namespace = Ns.Products, Order = 1)]
    [XmlElement(Order = 1)]
    public string SentAt { get; set; } = "";

    [MessageBodyMember(Namespace = Ns.Products, Order = 2)]
    [XmlElement(Order = 2)]
    public string SourceSystem { get; set; } = "";

    [MessageBodyMember(Namespace = Ns.Products, Order = 3)]
    [XmlElement(Order = 3)]
    public ProductList Products { get; set; } = new();
}

[XmlType(Namespace = Ns.Products)]
public sealed class ProductList
{
    [XmlElement("Product")]
    public List<Product> Product { get; set; } = [];
}

[XmlType(Namespace = Ns.Products)]
public sealed class Product
{
    [XmlElement(Order = 0)]
    public string Sku { get; set; } = "";

    [XmlElement(Order = 1)]
    public string Title { get; set; } = "";

    [XmlElement(Order = 2)]
    public string? Description { get; set; }

    [XmlElement(Order = 3)]
    public decimal Price { get; set; }

    /// <summary>Whether the product carries a price (XmlSerializer's pattern): a product without one keeps the store's.</summary>
    [XmlIgnore]
    public bool PriceSpecified { get; set; }

    [XmlElement(Order = 4)]
    public string? Currency { get; set; }

    [XmlElement(Order = 5)]
    public string Status { get; set; } = "";

    [XmlElement(Order = 6)]
    public string? Barcode { get; set; }

    [XmlElement(Order = 7)]
    public Weight? Weight { get; set; }

    [XmlElement(Order = 8)]
    public ProductAttributes? Attributes { get; set; }
}

[XmlType(Namespace = Ns.Products)]
public sealed class Weight
{
    [XmlAttribute("unit")]
    public string Unit { get; set; } = "";

    [XmlText]
    public decimal Value { get; set; }
}

[XmlType(Namespace = Ns.Products)]
public sealed class ProductAttributes
{
    [XmlElement("Attribute")]
    public List<ProductAttribute> Attribute { get; set; } = [];
}

[XmlType(Namespace = Ns.Products)]
public sealed class ProductAttribute
{
    [XmlElement(Order = 0)]
    public string Name { get; set; } = "";

    [XmlElement(Order = 1)]
    public string Value { get; set; } = "";
}

[MessageContract(WrapperName = "SubmitProductsResponse", WrapperNamespace = Ns.Products, IsWrapped = true)]
public sealed class SubmitProductsResponse
{
    [MessageBodyMember(Namespace = Ns.Products, Order = 0)]
    public ReceiptDto Receipt { get; set; } = new();
}
