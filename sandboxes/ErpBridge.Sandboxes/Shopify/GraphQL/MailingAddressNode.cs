using System.Globalization;

namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary><c>MailingAddress</c>.</summary>
internal sealed record MailingAddressNode(long Number, ShopifyOrderAddress Address) : IGraphNode
{
    public string TypeName => "MailingAddress";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "id" => string.Create(CultureInfo.InvariantCulture, $"gid://shopify/MailingAddress/{Number}?model_name=Address"),
        "firstName" => Address.FirstName,
        "lastName" => Address.LastName,
        "name" => string.Join(' ', new[] { Address.FirstName, Address.LastName }.Where(p => !string.IsNullOrEmpty(p))) is { Length: > 0 } name ? name : null,
        "company" => Address.Company,
        "address1" => Address.Address1,
        "address2" => Address.Address2,
        "city" => Address.City,
        "province" => Address.Province,
        "zip" => Address.Zip,
        "countryCodeV2" => Address.CountryCode,
        "phone" => Address.Phone,
        _ => null,
    };
}
