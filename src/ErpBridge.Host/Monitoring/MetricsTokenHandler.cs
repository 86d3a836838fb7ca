using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ErpBridge.Host.Monitoring;

/// <summary>
/// The <see cref="SchemeName"/> authentication scheme: <c>Authorization: Bearer &lt;token&gt;</c> with a token whose SHA-256 is
/// configured under ErpBridge:Monitoring:TokenHashes. No header: no result; a wrong token: a failure; either way the
/// challenge is 401 with <c>WWW-Authenticate: Bearer</c>. Only endpoints of <see cref="MonitoringPolicy"/> run it.
/// </summary>
public sealed class MetricsTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, MonitoringOptions monitoring)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "MetricsToken";

    private const string Prefix = "Bearer ";

    private readonly IReadOnlyList<byte[]> hashes = monitoring.TokenHashes.Select(Convert.FromHexString).ToArray();

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization;
        if (header.Count != 1 || header[0] is not { } value || !value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!MetricsToken.Matches(value.AsSpan(Prefix.Length).Trim(), hashes))
        {
            return Task.FromResult(AuthenticateResult.Fail("The metrics token is not one configured."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "metrics-token")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append(HeaderNames.WWWAuthenticate, "Bearer");
        return Task.CompletedTask;
    }
}
