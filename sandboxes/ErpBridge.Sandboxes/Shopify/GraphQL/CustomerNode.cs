using System.Globalization;

namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary><c>Customer</c>, with its default e-mail address and phone number.</summary>
internal sealed record CustomerNode(long Number, ShopifyOrderCustomer Customer) : IGraphNode
{
    public string TypeName => "Customer";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "id" => string.Create(CultureInfo.InvariantCulture, $"gid://shopify/Customer/{Number}"),
        "legacyResourceId" => Number.ToString(CultureInfo.InvariantCulture),
        "firstName" => Customer.FirstName,
        "lastName" => Customer.LastName,
        "displayName" => string.Join(' ', new[] { Customer.FirstName, Customer.LastName }.Where(p => !string.IsNullOrEmpty(p))) is { Length: > 0 } name ? name : Customer.Email ?? "",
        "defaultEmailAddress" => Customer.Email is { } email ? new ContactNode("CustomerEmailAddress", "emailAddress", email) : null,
        "defaultPhoneNumber" => Customer.Phone is { } phone ? new ContactNode("CustomerPhoneNumber", "phoneNumber", phone) : null,
        _ => null,
    };

    /// <summary><c>CustomerEmailAddress</c> or <c>CustomerPhoneNumber</c>: one value.</summary>
    private sealed record ContactNode(string TypeName, string Field, string Value) : IGraphNode
    {
        public object? Resolve(FieldCall call) => call.Name == Field ? Value : null;
    }
}
