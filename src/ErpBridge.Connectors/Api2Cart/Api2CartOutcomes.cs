using System.Globalization;
using System.Text.Json;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors.Api2Cart;

/// <summary>
/// API2Cart's differences from <see cref="StatusClassifier"/>: it answers HTTP 200 with an envelope whose
/// <c>return_code</c> says what happened (0 is success), and its error bodies carry <c>return_message</c>. The
/// published contract documents only the 200 envelope; the codes are those API2Cart lists under "Response Status
/// Codes" in its documentation. HTTP statuses (a proxy's 5xx, a 429) keep the shared meaning.
/// </summary>
internal sealed class Api2CartOutcomes(string channel, RetryAfterReader waits) : StatusClassifier("API2Cart", channel, waits)
{
    protected override string AuthenticationHint => "check the channel's ApiKey (x-api-key) and StoreKey (x-store-key)";

    protected override string Message(byte[] body) => FromJson(body, root =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("return_message", out var message) && message.ValueKind == JsonValueKind.String
            ? message.GetString()
            : null);

    /// <summary>
    /// A successful HTTP answer's envelope, parsed (the caller disposes it), or the failure its return code amounts
    /// to. A body that is no envelope is transient: a proxy's page or a cut answer may be followed by the real one.
    /// </summary>
    public static (JsonDocument? Envelope, DeliveryOutcome? Failure) Read(TransportResponse response, string request, string channel)
    {
        if (response.Failure is not null)
        {
            return (null, response.Failure);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(response.Body);
        }
        catch (JsonException exception)
        {
            return (null, new DeliveryOutcome.TransientFailure($"unexpected response to {request} on channel '{channel}': {exception.Message}"));
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("return_code", out var codeElement) || !codeElement.TryGetInt32(out var code))
        {
            document.Dispose();
            return (null, new DeliveryOutcome.TransientFailure($"unexpected response to {request} on channel '{channel}': no return_code"));
        }

        if (code == 0)
        {
            return (document, null);
        }

        var message = root.TryGetProperty("return_message", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString()! : "";
        document.Dispose();
        return (null, Failure(code, message, request, channel));
    }

    /// <summary>What a return code other than 0 means for delivery.</summary>
    public static DeliveryOutcome Failure(int code, string message, string request, string channel)
    {
        var described = $"API2Cart return code {code.ToString(CultureInfo.InvariantCulture)} on {request} (channel '{channel}'){(message.Length > 0 ? ": " + message : "")}";
        return code switch
        {
            // 1 service not available, 7 store request limit, 9 internal error, 10 account request limit,
            // 100 store API not reachable, 105 bridge response error, 106 store URL not reachable, 110 too many
            // requests to the store's API: the same request may succeed later.
            1 or 7 or 9 or 10 or 100 or 105 or 106 or 110 => new DeliveryOutcome.TransientFailure(described),

            // 2 incorrect API key, 4 store access denied, 5 API access denied, 6 API key disabled, 101 store not
            // found (the store key names no cart): the channel pauses instead of dead-lettering its backlog.
            2 or 4 or 5 or 6 or 101 => new DeliveryOutcome.PermanentFailure(
                $"authentication failed ({described}); check the channel's ApiKey (x-api-key) and StoreKey (x-store-key)", CredentialsRefused: true),

            // 112 item not found, 113 already exists, 114 missing parameter, 109 bad parameters, 111 too many items, ...:
            // the request's own fault.
            _ => new DeliveryOutcome.PermanentFailure(described),
        };
    }

    /// <summary>Return code 112, "Item not found": an id the connector used is gone from the cart.</summary>
    public const int ItemNotFound = 112;
}
