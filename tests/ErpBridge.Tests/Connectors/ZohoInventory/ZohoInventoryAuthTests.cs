using ErpBridge.Connectors.ZohoInventory;
using ErpBridge.Core.Delivery;
using ErpBridge.Tests.Mapping;
using ErpBridge.Tests.Support;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Tests.Connectors.ZohoInventory;

/// <summary>
/// Zoho's OAuth: an access token from the refresh token, renewed before its hour is up and when Zoho refuses it, sent
/// as Zoho-oauthtoken with organization_id on every call, never logged; a refused grant pauses the channel.
/// </summary>
[TestFixture]
public sealed class ZohoInventoryAuthTests
{
    [Test]
    public async Task EveryCall_CarriesTheTokenSchemeAndTheOrganisation()
    {
        await using var org = await ZohoTestOrganisation.StartAsync();
        org.Sandbox.Seed(["A-1"]);

        var outcome = await org.Connector.ExecuteAsync(ZohoTestOrganisation.Stock("S-1", ("A-1", "WH1", 3)), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>(), outcome.ToString());
        var api = org.Sandbox.Requests.Where(r => r.Path != "oauth/v2/token").ToList();
        Assert.That(api, Has.Count.GreaterThanOrEqualTo(4));
        Assert.That(api.Select(r => r.Query), Is.All.Contain("organization_id=" + org.Sandbox.Options.OrganizationId));
        Assert.That(api.Select(r => r.Status), Is.All.LessThan(300), "the sandbox accepted every call's token and organisation");
        Assert.That(org.Sandbox.TokensIssued, Is.EqualTo(1), "one token serves many calls");
    }

    [Test]
    public async Task Token_IsRenewedBeforeItExpires_WithoutA401()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero));
        await using var org = await ZohoTestOrganisation.StartAsync(o => o.TimeProvider = time, s => s.TimeProvider = time);
        org.Sandbox.Seed(["A-1"]);
        await org.Connector.ExecuteAsync(ZohoTestOrganisation.Stock("S-1", ("A-1", "WH1", 3)), CancellationToken.None);

        time.Advance(TimeSpan.FromMinutes(56));
        var outcome = await org.Connector.ExecuteAsync(ZohoTestOrganisation.Stock("S-2", ("A-1", "WH1", 4)), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>(), outcome.ToString());
        Assert.That(org.Sandbox.TokensIssued, Is.EqualTo(2));
        Assert.That(org.Connector.TokenRenewals, Is.EqualTo(2));
        Assert.That(org.Sandbox.Requests.Select(r => r.Status), Has.None.EqualTo(401));
    }

    [Test]
    public async Task Token_NotYetNearItsExpiry_IsKept()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero));
        await using var org = await ZohoTestOrganisation.StartAsync(o => o.TimeProvider = time, s => s.TimeProvider = time);
        org.Sandbox.Seed(["A-1"]);
        await org.Connector.ExecuteAsync(ZohoTestOrganisation.Stock("S-1", ("A-1", "WH1", 3)), CancellationToken.None);

        time.Advance(TimeSpan.FromMinutes(54));
        await org.Connector.ExecuteAsync(ZohoTestOrganisation.Stock("S-2", ("A-1", "WH1", 4)), CancellationToken.None);

        Assert.That(org.Sandbox.TokensIssued, Is.EqualTo(1));
    }

    [Test]
    public async Task TokenRefusedWith401_IsRenewedAndTheCallRepeated()
    {
        await using var org = await ZohoTestOrganisation.StartAsync();
        org.Sandbox.Seed(["A-1"]);
        await org.Connector.ExecuteAsync(ZohoTestOrganisation.Stock("S-1", ("A-1", "WH1", 3)), CancellationToken.None);
        org.Sandbox.RevokeTokens();

        var outcome = await org.Connector.ExecuteAsync(ZohoTestOrganisation.Stock("S-2", ("A-1", "WH1", 8)), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>(), outcome.ToString());
        Assert.That(org.Sandbox.StockOf("A-1", "WH1"), Is.EqualTo(8m));
        Assert.That(org.Sandbox.Requests.Count(r => r.Status == 401), Is.EqualTo(1));
        Assert.That(org.Sandbox.TokensIssued, Is.EqualTo(2));
    }

    [Test]
    public async Task RefusedRefreshToken_IsRefusedCredentials_NamingNoSecret()
    {
        await using var org = await ZohoTestOrganisation.StartAsync(channel: c => c.RefreshToken = "1000.revoked-refresh-token");
        org.Sandbox.Seed(["A-1"]);

        var outcome = await org.Connector.ExecuteAsync(ZohoTestOrganisation.Stock("S-1", ("A-1", "WH1", 3)), CancellationToken.None);

        var failure = outcome as DeliveryOutcome.PermanentFailure;
        Assert.That(failure, Is.Not.Null, outcome.ToString());
        Assert.That(failure!.CredentialsRefused, Is.True, "delivery pauses the channel instead of dead-lettering");
        Assert.That(failure.Reason, Does.Contain("invalid_code").And.Contain("RefreshToken"));
        Assert.That(failure.Reason, Does.Not.Contain("revoked-refresh-token").And.Not.Contain(org.Sandbox.Options.ClientSecret));
        Assert.That(org.Sandbox.Requests.Where(r => r.Path != "oauth/v2/token"), Is.Empty, "nothing is sent without a token");
    }

    [Test]
    public async Task DryRun_ShowsTheSchemeAndOrganisation_NotTheToken()
    {
        await using var org = await ZohoTestOrganisation.StartAsync();
        org.Sandbox.Seed(["A-1"]);

        var prepared = await org.Connector.PrepareAsync(ZohoTestOrganisation.Product("P-1", "A-1", "Shoe", 5m), CancellationToken.None);

        var update = prepared.Single(p => p.SkipReason is null);
        Assert.That(update.Url.Query, Does.Contain("organization_id=" + org.Sandbox.Options.OrganizationId));
        Assert.That(update.Headers, Does.Contain(new KeyValuePair<string, string>("Authorization", "Zoho-oauthtoken ***")));
    }

    [Test]
    public async Task NoSecretIsLogged()
    {
        var logger = new CapturingLogger<ZohoInventoryConnector>();
        using var loggers = new SingleLoggerFactory(logger);
        await using var org = await ZohoTestOrganisation.StartAsync(loggers: loggers);
        org.Sandbox.Seed(["A-1"]);
        await org.Connector.ExecuteAsync(ZohoTestOrganisation.Stock("S-1", ("A-1", "WH1", 3)), CancellationToken.None);
        org.Sandbox.RevokeTokens();
        await org.Connector.ExecuteAsync(ZohoTestOrganisation.Stock("S-2", ("A-1", "WH1", 4)), CancellationToken.None);

        var text = string.Join("\n", logger.Entries.Select(e => e.Message));
        Assert.That(logger.Entries, Is.Not.Empty, "the calls were logged");
        Assert.That(text, Does.Not.Contain("1000.").And.Not.Contain(org.Sandbox.Options.ClientSecret).And.Not.Contain("oauthtoken"));
    }

    [Test]
    public async Task DailyBudget_StopsShortOfTheCap_AndSaysWhatIsLeft()
    {
        await using var org = await ZohoTestOrganisation.StartAsync(o => (o.DailyLimit, o.DailyReserve) = (6, 1));
        org.Sandbox.Seed(["A-1"]);
        Assert.That(org.Connector.RemainingDailyRequests, Is.EqualTo(5));

        var first = await org.Connector.ExecuteAsync(ZohoTestOrganisation.Stock("S-1", ("A-1", "WH1", 3)), CancellationToken.None);
        var second = await org.Connector.ExecuteAsync(ZohoTestOrganisation.Stock("S-2", ("A-1", "WH1", 4)), CancellationToken.None);

        Assert.That(first, Is.TypeOf<DeliveryOutcome.Delivered>(), first.ToString());
        Assert.That(org.Connector.RemainingDailyRequests, Is.EqualTo(0));
        Assert.That(second, Is.TypeOf<DeliveryOutcome.TransientFailure>());
        var transient = (DeliveryOutcome.TransientFailure)second;
        Assert.That(transient.Reason, Does.Contain("daily request budget used up"));
        Assert.That(transient.RetryAfter, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromDays(1)));
        Assert.That(org.Sandbox.UsedToday, Is.EqualTo(5), "the sixth request was never sent");
    }

    /// <summary>Hands the one capturing logger to every category.</summary>
    private sealed class SingleLoggerFactory(ILogger logger) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => logger;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }
    }
}
