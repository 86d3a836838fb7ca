namespace ErpBridge.Sandboxes.Magento;

/// <summary>
/// A Magento error answer: <c>{"message":"... %1 ...","parameters":[...]}</c>. Magento fills the placeholders on its
/// client side only; the body carries the template and its parameters, positional (<c>%1</c>) or named (<c>%field</c>).
/// </summary>
internal sealed record MagentoError(int Status, string Message, IReadOnlyList<string>? Positional = null, IReadOnlyDictionary<string, string>? Named = null)
{
    public static MagentoError RouteNotFound() => new(404, "Request does not match any route.");

    public static MagentoError NotAuthorized(string resource) =>
        new(401, "The consumer isn't authorized to access %resources.", Named: new Dictionary<string, string> { ["resources"] = resource });

    public static MagentoError ProductNotFound() => new(404, "The product that was requested doesn't exist. Verify the product and try again.");

    public static MagentoError Required(string field) =>
        new(400, "\"%fieldName\" is required. Enter and try again.", Named: new Dictionary<string, string> { ["fieldName"] = field });

    public static MagentoError Invalid(string field, string value) =>
        new(400, "Invalid value of \"%value\" provided for the %fieldName field.", Named: new Dictionary<string, string> { ["value"] = value, ["fieldName"] = field });
}
