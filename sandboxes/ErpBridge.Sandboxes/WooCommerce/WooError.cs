namespace ErpBridge.Sandboxes.WooCommerce;

/// <summary>A WP_Error as the REST API answers it: <c>{"code","message","data":{"status"}}</c>, optionally with <c>data.params</c>.</summary>
internal sealed record WooError(int Status, string Code, string Message, IReadOnlyDictionary<string, string>? Params = null)
{
    public static WooError NoRoute() => new(404, "rest_no_route", "No route was found matching the URL and request method.");

    public static WooError InvalidParam(string name, string problem) =>
        new(400, "rest_invalid_param", $"Invalid parameter(s): {name}", new Dictionary<string, string> { [name] = problem });

    public static WooError Authentication(string message) => new(401, "woocommerce_rest_authentication_error", message);
}
