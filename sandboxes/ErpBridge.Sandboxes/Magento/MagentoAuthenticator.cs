using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace ErpBridge.Sandboxes.Magento;

/// <summary>
/// Who may call the API: a bearer admin token (issued by <c>POST V1/integration/admin/token</c>, valid for
/// <see cref="MagentoSandboxOptions.AdminTokenLifetime"/>), a request OAuth 1.0a-signed with the integration's four
/// credentials, or the integration token as a bearer only when <see cref="MagentoSandboxOptions.AllowIntegrationTokenAsBearer"/>.
/// </summary>
internal sealed class MagentoAuthenticator(MagentoSandboxOptions options)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> adminTokens = new(StringComparer.Ordinal);
    private readonly OAuthRequestVerifier oauth = new(options);

    /// <summary>Issues an admin token, or null when the credentials are wrong.</summary>
    public string? IssueAdminToken(string username, string password)
    {
        if (username != options.AdminUsername || password != options.AdminPassword)
        {
            return null;
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        adminTokens[token] = options.TimeProvider.GetUtcNow() + options.AdminTokenLifetime;
        return token;
    }

    /// <summary>How the request authenticated (for the request log), or the 401 to answer.</summary>
    public (string? Auth, MagentoError? Error) Authenticate(HttpRequest request, string resource)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("OAuth ", StringComparison.OrdinalIgnoreCase))
        {
            var error = oauth.Verify(request, header);
            return error is null ? ($"oauth-{SignatureMethod(header)}", null) : (null, error);
        }

        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = header["Bearer ".Length..].Trim();
            if (adminTokens.TryGetValue(token, out var expires))
            {
                if (expires > options.TimeProvider.GetUtcNow())
                {
                    return ("admin-bearer", null);
                }

                adminTokens.TryRemove(token, out _);
            }
            else if (token == options.IntegrationAccessToken && options.AllowIntegrationTokenAsBearer)
            {
                return ("integration-bearer", null);
            }
        }

        return (null, MagentoError.NotAuthorized(resource));
    }

    private static string SignatureMethod(string header) =>
        header.Contains("HMAC-SHA256", StringComparison.Ordinal) ? "HMAC-SHA256" : "HMAC-SHA1";
}
