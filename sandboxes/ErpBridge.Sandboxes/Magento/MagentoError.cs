namespace ErpBridge.Sandboxes.Magento;

/// <summary>
/// A Magento error answer: <c>{"message":"... %1 ...","parameters":[...]}</c>. Magento fills the placeholders on its
/// client side only; the body carries the template and its parameters, positional (<c>%1</c>) or named (<c>%field</c>).
/// </summary>
internal sealed record MagentoError(int Status, string Message, IReadOnlyList<string>? Positional = null, IReadOnlyDictionary<string, string>? Named = null)
{
    /// <summary>Further messages (MSI's "Validation Failed" lists one per failed rule), each with its own parameters.</summary>
    public IReadOnlyList<MagentoError> Errors { get; init; } = [];

    /// <summary>MSI's answer when a source item breaks a validation rule: "Validation Failed" with the rule's message under errors.</summary>
    public static MagentoError ValidationFailed(string message, string field) =>
        new(400, "Validation Failed") { Errors = [new MagentoError(400, message, Named: new Dictionary<string, string> { ["field"] = field })] };

    public static MagentoError RouteNotFound() => new(404, "Request does not match any route.");

    public static MagentoError NotAuthorized(string resource) =>
        new(401, "The consumer isn't authorized to access %resources.", Named: new Dictionary<string, string> { ["resources"] = resource });

    public static MagentoError ProductNotFound() => new(404, "The product that was requested doesn't exist. Verify the product and try again.");

    public static MagentoError Required(string field) =>
        new(400, "\"%fieldName\" is required. Enter and try again.", Named: new Dictionary<string, string> { ["fieldName"] = field });

    public static MagentoError Invalid(string field, string value) =>
        new(400, "Invalid value of \"%value\" provided for the %fieldName field.", Named: new Dictionary<string, string> { ["value"] = value, ["fieldName"] = field });
}
