using System.Text.Json;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors.ZohoInventory;

/// <summary>
/// A Zoho channel's credentials: <c>Authorization: Zoho-oauthtoken {access token}</c> and <c>organization_id</c> on
/// every call. The access token comes from the refresh token (<c>POST {accounts}/oauth/v2/token</c>,
/// grant_type=refresh_token; the secrets in the form body, never in a URL that could be logged), is renewed
/// <c>margin</c> before it expires and when Zoho refuses it, and is never logged or shown (a dry run shows ***).
/// </summary>
internal sealed class ZohoInventoryToken(
    HttpClient http, Uri tokenUrl, string organizationId, string clientId, string clientSecret, string refreshToken, TimeSpan margin, TimeSpan timeout, TimeProvider time, string channel)
    : IRenewableCredentials
{
    public const string Scheme = "Zoho-oauthtoken";
    private readonly SemaphoreSlim renewing = new(1, 1);
    private volatile Held? held;

    public string Kind => "oauth2";

    /// <summary>How many access tokens were obtained (tests).</summary>
    public int Renewals { get; private set; }

    public SignedRequest Sign(HttpMethod method, Uri url, bool masked = false)
    {
        var builder = new UriBuilder(url);
        var organization = "organization_id=" + Uri.EscapeDataString(organizationId);
        builder.Query = string.IsNullOrEmpty(builder.Query) ? organization : builder.Query.TrimStart('?') + "&" + organization;
        var token = masked ? "***" : held?.Token ?? "";
        return new SignedRequest(builder.Uri, [new("Authorization", $"{Scheme} {token}")]);
    }

    public void Refused() => held = null;

    public async Task<DeliveryOutcome?> EnsureCurrentAsync(CancellationToken cancellationToken)
    {
        if (IsCurrent(held))
        {
            return null;
        }

        await renewing.WaitAsync(cancellationToken);
        try
        {
            // Another request may have renewed it while this one waited.
            return IsCurrent(held) ? null : await RenewAsync(cancellationToken);
        }
        finally
        {
            renewing.Release();
        }
    }

    private bool IsCurrent(Held? token) => token is not null && token.ExpiresAt - margin > time.GetUtcNow();

    private async Task<DeliveryOutcome?> RenewAsync(CancellationToken cancellationToken)
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["refresh_token"] = refreshToken,
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
            ["grant_type"] = "refresh_token",
        });
        byte[] body;
        int status;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            using var response = await http.PostAsync(tokenUrl, form, limit.Token);
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsByteArrayAsync(limit.Token);
        }
        catch (HttpRequestException exception)
        {
            return new DeliveryOutcome.TransientFailure($"connection error renewing the Zoho access token of channel '{channel}' at {tokenUrl.GetLeftPart(UriPartial.Path)}: {exception.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryOutcome.TransientFailure($"the Zoho accounts server did not answer the token renewal of channel '{channel}' in time");
        }

        if (StatusClassifier.IsTransient(status))
        {
            return new DeliveryOutcome.TransientFailure($"Zoho accounts {status} renewing the access token of channel '{channel}'");
        }

        var (token, expiresIn, error) = Read(body);
        if (status is >= 200 and < 300 && token is not null)
        {
            held = new Held(token, time.GetUtcNow() + TimeSpan.FromSeconds(expiresIn ?? 3600));
            Renewals++;
            return null;
        }

        // Zoho answers a bad refresh token or client with 200 and {"error":"invalid_code"}: the grant is refused.
        return new DeliveryOutcome.PermanentFailure(
            $"authentication failed (Zoho accounts {status} renewing the access token of channel '{channel}': {error ?? StatusClassifier.Excerpt(body)}); check the channel's ClientId, ClientSecret, RefreshToken and AccountsUrl (the organisation's data centre)",
            CredentialsRefused: true);
    }

    private static (string? Token, double? ExpiresIn, string? Error) Read(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null, null);
            }

            var token = root.TryGetProperty("access_token", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var expires = root.TryGetProperty("expires_in", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetDouble() : (double?)null;
            var error = root.TryGetProperty("error", out var r) ? r.ToString() : null;
            return (token, expires, error);
        }
        catch (JsonException)
        {
            return (null, null, null);
        }
    }

    private sealed record Held(string Token, DateTimeOffset ExpiresAt);
}
