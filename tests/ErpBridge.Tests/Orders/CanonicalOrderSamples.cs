using System.Security;

namespace ErpBridge.Tests.Orders;

/// <summary>Canonical orders (wsdl/Orders.xsd) for tests that need stored orders without a store behind them.</summary>
public static class CanonicalOrderSamples
{
    public static string Order(string channel, string platformOrderId, string orderNumber, string status = "Open", string sku = "MAT-2001", int quantity = 2) =>
        $"""
        <Order xmlns="urn:erpbridge:orders:v1"><Channel>{SecurityElement.Escape(channel)}</Channel><PlatformOrderId>{platformOrderId}</PlatformOrderId><OrderNumber>{orderNumber}</OrderNumber><CreatedAt>2026-11-26T08:00:00Z</CreatedAt><UpdatedAt>2026-11-26T08:05:00Z</UpdatedAt><Status>{status}</Status><PlatformStatus>{status.ToLowerInvariant()}</PlatformStatus><PaymentStatus>Paid</PaymentStatus><Currency>EUR</Currency><TaxesIncluded>true</TaxesIncluded><Customer><Email>anna.schmidt@example.com</Email><FirstName>Anna</FirstName><LastName>Schmidt</LastName></Customer><ShippingAddress><FirstName>Anna</FirstName><LastName>Schmidt</LastName><Line1>Hauptstraße 5</Line1><City>Köln</City><PostalCode>50667</PostalCode><CountryCode>DE</CountryCode></ShippingAddress><Lines><Line><PlatformLineId>1</PlatformLineId><Sku>{sku}</Sku><Title>Steel bolt M8</Title><Quantity>{quantity}</Quantity><UnitPrice>1.25</UnitPrice><Discount>0</Discount><Tax>0.40</Tax><Total>{quantity * 1.25m:0.00}</Total></Line></Lines><Totals><Subtotal>{quantity * 1.25m:0.00}</Subtotal><Shipping>4.90</Shipping><Discount>0</Discount><Tax>1.18</Tax><Total>{quantity * 1.25m + 4.90m:0.00}</Total></Totals></Order>
        """.Trim();
}
