using System.Net;
using System.Text.Json;
using ErpBridge.Connectors.Http;

namespace ErpBridge.Connectors.BigCommerce;

/// <summary>BigCommerce's differences from <see cref="StatusClassifier"/>: its error bodies, its wait headers, and 207.</summary>
internal sealed class BigCommerceOutcomes(string channel, RetryAfterReader waits) : StatusClassifier("BigCommerce", channel, waits)
{
    protected override string AuthenticationHint => "check the channel's AccessToken and its OAuth scopes";

    /// <summary>A 207 from a batch endpoint means some items failed: the plan's change did not fully happen.</summary>
    protected override bool IsSuccess(int status) => base.IsSuccess(status) && status != 207;

    /// <summary>
    /// A 429 waits for the request window's reset (X-Rate-Limit-Time-Reset-Ms); a 5xx only for an explicit
    /// Retry-After or X-Retry-After, because the window's reset says nothing about when the platform recovers.
    /// </summary>
    protected override TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.TooManyRequests ? Waits.ResetOrRetryAfter(response.Headers) : Waits.RetryAfter(response.Headers);

    /// <summary>The platform's own words: v3 problem details (title and errors), a v2 array of messages, or the text as is.</summary>
    protected override string Message(byte[] body) => FromJson(body, root => root.ValueKind switch
    {
        JsonValueKind.Object => ProblemDetails(root),
        JsonValueKind.Array => string.Join("; ", root.EnumerateArray()
            .Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("message", out _))
            .Select(e => e.GetProperty("message").ToString())),
        _ => null,
    });

    /// <summary>A v3 error's title and its field errors.</summary>
    private static string ProblemDetails(JsonElement root)
    {
        var parts = new List<string>();
        if (root.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String)
        {
            parts.Add(title.GetString()!);
        }

        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
        {
            var fields = errors.EnumerateObject().Select(e => $"{e.Name}: {(e.Value.ValueKind == JsonValueKind.String ? e.Value.GetString() : e.Value.GetRawText())}").ToList();
            if (fields.Count > 0)
            {
                parts.Add("errors: " + string.Join("; ", fields));
            }
        }

        return string.Join(" ", parts);
    }
}
