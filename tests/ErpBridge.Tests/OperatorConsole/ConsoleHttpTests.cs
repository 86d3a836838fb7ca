using System.Net;
using System.Text.RegularExpressions;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Security;
using ErpBridge.Host.OperatorConsole;
using ErpBridge.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ErpBridge.Tests.OperatorConsole;

/// <summary>
/// The console's sign-in over plain HTTP against the real host: roles, throttling, antiforgery, and Production
/// without the demo operator.
/// </summary>
[TestFixture]
public sealed partial class ConsoleHttpTests
{
    private const string ViewerPassword = "viewer-password-4711";

    [Test]
    public async Task Viewer_ReadsPages_ButIsRefusedAnAction()
    {
        await using var bridge = await StartAsync(new() { ["ErpBridge:Console:Operators:0:Role"] = "Viewer" });
        using var client = Client(bridge);
        await SignInAsync(client, "viewer", ViewerPassword, HttpStatusCode.Redirect);

        var channels = await client.GetAsync(new Uri("console/channels", UriKind.Relative));
        Assert.That(channels.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await channels.Content.ReadAsStringAsync();
        Assert.That(page, Does.Contain("viewer (viewer)").And.Not.Contain("asp-page-handler").And.Not.Contain("handler=Pause"), "a viewer gets no action forms");

        // The form a viewer does not see, posted anyway with a valid token: refused, nothing paused.
        var token = Token(page);
        var post = await client.PostAsync(new Uri("console/channels?handler=Pause", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["channel"] = "shopify-demo",
            ["reason"] = "should not happen",
        }));
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(post.Headers.Location!.ToString(), Does.Contain("/console/denied"));
        Assert.That(await bridge.App.Services.GetRequiredService<IDeliveryStore>().ListPausesAsync(CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task ASession_IsGoodOnAnotherNodeOfTheDatabase_WhoseKeysComeFromTheDatabase()
    {
        await using var first = await StartAsync();
        var cookies = new CookieContainer();
        using var client = Client(first, cookies);
        await SignInAsync(client, "viewer", ViewerPassword, HttpStatusCode.Redirect);
        var cookie = cookies.GetCookies(first.BaseAddress)["ErpBridge.Console"] ?? throw new AssertionException("no session cookie");
        await first.App.StopAsync();

        // Another node (its own install folder) on the same database: no key folder anywhere, the keys are in the table.
        await using var second = await StartAsync(new() { ["ErpBridge:Storage:ConnectionString"] = $"Data Source={first.DatabasePath}" });
        using var other = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = second.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("console/channels", UriKind.Relative));
        request.Headers.Add("Cookie", $"{cookie.Name}={cookie.Value}");
        var page = await other.SendAsync(request);

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the session the first node issued");
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("viewer (viewer)"));
        Assert.That(Directory.GetDirectories(first.Directory, "*keys*", SearchOption.AllDirectories), Is.Empty);
        Assert.That(Directory.GetDirectories(second.Directory, "*keys*", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public async Task StatusEndpoints_AnswerASignedInOperatorsSession_AndRefuseAnonymousWith401NotARedirect()
    {
        await using var bridge = await StartAsync();
        using var client = Client(bridge);

        var anonymous = await client.GetAsync(new Uri("status/deliveries", UriKind.Relative));
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "an API answers 401; only console pages redirect");
        Assert.That(anonymous.Headers.WwwAuthenticate.ToString(), Does.Contain("Bearer"));

        await SignInAsync(client, "viewer", ViewerPassword, HttpStatusCode.Redirect);
        Assert.That((await client.GetAsync(new Uri("status/deliveries", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.GetAsync(new Uri("metrics", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task AnonymousRequests_GoToSignIn_AndAFormWithoutItsTokenIsRefused()
    {
        await using var bridge = await StartAsync();
        using var client = Client(bridge);

        var overview = await client.GetAsync(new Uri("console", UriKind.Relative));
        Assert.That(overview.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(overview.Headers.Location!.ToString(), Does.Contain("/console/sign-in"));

        var noToken = await client.PostAsync(new Uri("console/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "viewer",
            ["password"] = ViewerPassword,
        }));
        Assert.That(noToken.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "antiforgery: a sign-in posted without the form's token");
    }

    [Test]
    public async Task SignInFailures_AreThrottled_EvenForTheRightPasswordAfterwards()
    {
        await using var bridge = await StartAsync(new() { ["ErpBridge:Console:MaxFailuresPerUserName"] = "3" });
        using var client = Client(bridge);
        for (var i = 0; i < 3; i++)
        {
            await SignInAsync(client, "viewer", "wrong-" + i, HttpStatusCode.Unauthorized);
        }

        var page = await SignInAsync(client, "viewer", ViewerPassword, HttpStatusCode.TooManyRequests);
        Assert.That(page, Does.Contain("Too many failed sign-ins"));
    }

    [Test]
    public async Task Production_HasNoDemoOperator_AndRefusesTheDemoOperatorOnAnExposedAddress()
    {
        await using var production = await BridgeFixture.StartAsync(environment: "Production");
        using var client = Client(production);
        await SignInAsync(client, DemoOperator.UserName, DemoOperator.Password, HttpStatusCode.Unauthorized);

        var exposed = await Assert.ThrowsAsync<InvalidOperationException>(() => BridgeFixture.StartAsync(new Dictionary<string, string?> { ["urls"] = "http://0.0.0.0:0" }));
        Assert.That(exposed!.Message, Does.Contain("ErpBridge:Console:Operators:0: the demo operator's published password"));
        Assert.That(exposed.Message, Does.Contain("ErpBridge:Monitoring:TokenHashes:0: the demo metrics token's hash"));
    }

    [Test]
    public void Operators_AreValidated_NamingTheirKeys()
    {
        var options = new ConsoleOptions
        {
            Operators =
            [
                new OperatorOptions { UserName = "a", PasswordHash = "plain-text", Role = OperatorRole.Operator },
                new OperatorOptions { UserName = "A", PasswordHash = SecretHash.Create("x"), Role = (OperatorRole)7 },
            ],
        };

        Assert.That(options.Validate(), Is.EquivalentTo(new[]
        {
            "ErpBridge:Console:Operators:0:PasswordHash: not a hash made by 'ErpBridge.Host hash-secret' (PBKDF2-SHA256$iterations$salt$hash).",
            "ErpBridge:Console:Operators:1:UserName: 'A' is configured twice.",
            "ErpBridge:Console:Operators:1:Role: '7' is not Viewer or Operator.",
        }));
    }

    private static Task<BridgeFixture> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["ErpBridge:Console:Operators:0:UserName"] = "viewer",
            ["ErpBridge:Console:Operators:0:PasswordHash"] = SecretHash.Create(ViewerPassword),
            ["ErpBridge:Console:Operators:0:Role"] = "Viewer",
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        return BridgeFixture.StartAsync(values);
    }

    private static HttpClient Client(BridgeFixture bridge) => Client(bridge, new CookieContainer());

    private static HttpClient Client(BridgeFixture bridge, CookieContainer cookies) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies, UseCookies = true }) { BaseAddress = bridge.BaseAddress };

    /// <summary>Signs in through the form (with its antiforgery token) and returns the answer's body.</summary>
    private static async Task<string> SignInAsync(HttpClient client, string userName, string password, HttpStatusCode expected)
    {
        var form = await client.GetStringAsync(new Uri("console/sign-in", UriKind.Relative));
        var answer = await client.PostAsync(new Uri("console/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(form),
            ["userName"] = userName,
            ["password"] = password,
        }));
        var body = await answer.Content.ReadAsStringAsync();
        Assert.That(answer.StatusCode, Is.EqualTo(expected), body);
        return body;
    }

    private static string Token(string page) => TokenPattern().Match(page) is { Success: true } m ? m.Groups[1].Value : throw new AssertionException("no antiforgery token on the page");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
