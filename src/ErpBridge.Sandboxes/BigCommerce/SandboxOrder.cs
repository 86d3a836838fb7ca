namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>A v2 order as the sandbox holds it: its products, shipping addresses and the shipments made so far.</summary>
public sealed record SandboxOrder(
    int Id,
    string Status,
    IReadOnlyList<SandboxOrderProduct> Products,
    IReadOnlyList<SandboxShippingAddress> ShippingAddresses,
    IReadOnlyList<SandboxShipment> Shipments,
    DateTimeOffset DateCreated)
{
    public SandboxOrderProduct? ProductBySku(string sku) => Products.FirstOrDefault(p => p.Sku == sku);
}

/// <summary>An order line: <see cref="Id"/> is the <c>order_product_id</c> shipments name.</summary>
public sealed record SandboxOrderProduct(int Id, int OrderId, int ProductId, string Sku, string Name, int Quantity, int QuantityShipped);

/// <summary>Where an order ships to; <see cref="Id"/> is the <c>order_address_id</c> shipments name.</summary>
public sealed record SandboxShippingAddress(int Id, int OrderId, string FirstName, string LastName, string Street, string City, string Zip, string CountryIso2);

/// <summary>A shipment of an order, with the tracking details it was created with.</summary>
public sealed record SandboxShipment(
    int Id,
    int OrderId,
    int OrderAddressId,
    string TrackingNumber,
    string ShippingProvider,
    string TrackingCarrier,
    string TrackingLink,
    string Comments,
    IReadOnlyList<SandboxShipmentItem> Items,
    DateTimeOffset DateCreated);

/// <summary>How many of an order product a shipment ships.</summary>
public sealed record SandboxShipmentItem(int OrderProductId, int ProductId, int Quantity);
