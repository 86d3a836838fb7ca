using ErpBridge.Host.OperatorConsole;
using ErpBridge.Tests.EndToEnd;
using ErpBridge.Tests.Support;
using OpenQA.Selenium;

namespace ErpBridge.Tests.OperatorConsole;

/// <summary>
/// The operator console in a real headless Chromium against the real bridge with its four store sandboxes: sign in,
/// find a failed message and resubmit it, pause and resume a channel, download the dead letters.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ConsoleBrowserTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private DeliveryWorld world = null!;
    private ConsoleBrowser browser = null!;

    private Uri Base => world.Bridge.BaseAddress;

    [SetUp]
    public async Task StartAsync()
    {
        browser = ConsoleBrowser.Start();
        world = await DeliveryWorld.StartAsync();
    }

    [TearDown]
    public async Task StopAsync()
    {
        browser?.Dispose();
        if (world is not null)
        {
            await world.DisposeAsync();
        }
    }

    [Test]
    public void SignIn_WrongPasswordRefused_DemoOperatorSeesTheOverview()
    {
        browser.GoTo(new Uri(Base, "console"));
        Assert.That(browser.Driver.Url, Does.Contain("/console/sign-in"), "an anonymous visit is sent to the sign-in page");

        browser.SignIn(Base, DemoOperator.UserName, "not-the-password");
        Assert.That(browser.Find(By.Id("sign-in-error")).Text, Does.Contain("wrong password"));
        browser.Screenshot("sign-in");

        browser.SignIn(Base, DemoOperator.UserName, DemoOperator.Password);
        var rows = browser.Find(By.Id("channels")).FindElements(By.CssSelector("tbody tr"));
        Assert.That(rows.Select(r => r.GetAttribute("data-channel")), Is.EquivalentTo(Support.DemoChannels.Routed.Append(DeliveryWorld.ShipStationChannel)));
        Assert.That(browser.Find(By.Id("operator")).Text, Does.Contain("demo-operator (operator)"));
    }

    [Test]
    public async Task FailedMessage_FoundAndResubmitted_IsDelivered_AndTheActionIsAudited()
    {
        // Shopify refuses the first call with a validation error: a dead letter on that channel, delivered elsewhere.
        world.Shopify.FailNext(1, 400);
        await world.SubmitAsync(DeliveryWorld.Stock("CON-1", T0, ("E2E-001", 7)));
        await world.WaitForAsync("CON-1", "Delivered", "Failed");

        browser.SignIn(Base, DemoOperator.UserName, DemoOperator.Password);
        Assert.That(browser.Find(By.Id("dead-letter-count")).Text, Is.EqualTo("1"));
        Assert.That(browser.Find(By.CssSelector("#intake tr[data-operation='SubmitInventory'] td.num")).Text, Is.EqualTo("1"), "the accept is counted in the last hour");
        browser.Screenshot("overview");

        browser.GoTo(new Uri(Base, "console/dead-letters"));
        var row = browser.Find(By.CssSelector($"#dead-letters tr[data-message='CON-1'][data-channel='{DeliveryWorld.ShopifyChannel}']"));
        Assert.That(row.FindElement(By.CssSelector("td.reason")).Text, Is.Not.Empty, "the reason is shown");
        browser.Screenshot("dead-letters");
        row.FindElement(By.CssSelector("input[type=checkbox]")).Click();
        browser.Find(By.Id("resubmit-selected")).Click();
        Assert.That(browser.TextContaining(By.Id("notice"), "Resubmitted 1 dead letter"), Does.Contain("Resubmitted 1 dead letter"));

        var deliveries = await world.WaitForAsync("CON-1", "Delivered");
        Assert.That(deliveries, Has.Count.EqualTo(DemoChannels.Routed.Length));

        browser.GoTo(new Uri(Base, "console/messages/CON-1"));
        browser.Until(d => d.FindElement(By.CssSelector($"#deliveries tr[data-channel='{DeliveryWorld.ShopifyChannel}'] td.status")).Text == "Delivered", "Shopify's delivery shown Delivered", reload: true);
        var action = browser.Find(By.CssSelector("#actions tbody tr"));
        Assert.That(action.FindElement(By.CssSelector("td.operator")).Text, Is.EqualTo(DemoOperator.UserName));
        Assert.That(action.FindElement(By.CssSelector("td.action")).Text, Is.EqualTo("Resubmit"));
        Assert.That(browser.Find(By.Id("raw")).Text, Does.Contain("<MessageId>CON-1</MessageId>"));
        browser.Screenshot("message");
    }

    [Test]
    public async Task Channel_PausedWithAReason_HoldsItsMessages_UntilResumed()
    {
        browser.SignIn(Base, DemoOperator.UserName, DemoOperator.Password);
        browser.GoTo(new Uri(Base, "console/channels"));
        var row = browser.Find(By.CssSelector($"#channels tr[data-channel='{DeliveryWorld.MagentoChannel}']"));
        row.FindElement(By.Name("reason")).SendKeys("store maintenance until 14:00");
        row.FindElement(By.CssSelector("button[type=submit]")).Click();
        Assert.That(browser.TextContaining(By.Id("notice"), $"Channel {DeliveryWorld.MagentoChannel} paused"), Does.Contain($"Channel {DeliveryWorld.MagentoChannel} paused"));
        Assert.That(browser.Find(By.CssSelector($"#channels tr[data-channel='{DeliveryWorld.MagentoChannel}'] td.state")).Text, Does.Contain("store maintenance until 14:00 (demo-operator)"));
        browser.Screenshot("channels");

        await world.SubmitAsync(DeliveryWorld.Stock("CON-P", T0, ("E2E-002", 3)));
        await DeliveryWorld.EventuallyAsync(
            () =>
            {
                var status = world.StatusAsync("CON-P").GetAwaiter().GetResult();
                return status.Count == DemoChannels.Routed.Length && status.Where(s => s.Key != DeliveryWorld.MagentoChannel).All(s => DeliveryWorld.StatusOf(s.Value) == "Delivered");
            },
            "CON-P delivered on the running channels");
        var held = await world.StatusAsync("CON-P");
        Assert.That(DeliveryWorld.StatusOf(held[DeliveryWorld.MagentoChannel]), Is.EqualTo("Pending"), "the paused channel holds its message");

        browser.Find(By.CssSelector($"#channels tr[data-channel='{DeliveryWorld.MagentoChannel}'] button[type=submit]")).Click();
        Assert.That(browser.TextContaining(By.Id("notice"), "resumed"), Does.Contain("resumed"));
        await world.WaitForAsync("CON-P", "Delivered");
        var actions = browser.FindAll(By.CssSelector("#actions tbody tr")).Select(r => r.Text).ToList();
        Assert.That(actions, Has.Some.Contains("Resume").And.Some.Contains("Pause"));
    }

    [Test]
    public async Task DeadLetters_DownloadAsCsv_HoldsEachWithItsReason()
    {
        await world.SubmitAsync(DeliveryWorld.Stock("CON-U", T0, ("NO-SUCH-SKU", 1)));
        await world.WaitForAsync("CON-U", "Failed");

        browser.SignIn(Base, DemoOperator.UserName, DemoOperator.Password);
        browser.GoTo(new Uri(Base, "console/dead-letters"));
        browser.Find(By.Id("download-csv")).Click();

        string? file = null;
        await DeliveryWorld.EventuallyAsync(
            () => (file = Directory.GetFiles(browser.Downloads, "dead-letters-*.csv").FirstOrDefault()) is not null,
            "the CSV downloaded");
        var lines = await File.ReadAllLinesAsync(file!);
        Assert.That(lines[0], Is.EqualTo("MessageId,Channel,Type,Item,Attempts,LastAttemptAtUtc,Reason"));
        var rows = lines.Skip(1).Where(l => l.StartsWith("CON-U,", StringComparison.Ordinal)).ToList();
        Assert.That(rows, Has.Count.EqualTo(DemoChannels.Routed.Length), "one dead letter per channel");
        Assert.That(rows, Has.All.Contains("NO-SUCH-SKU"));
    }

    [Test]
    public async Task Reconciliation_StartedInTheConsole_ShowsItsFindings_FilteredByClass()
    {
        await world.SubmitAsync(DeliveryWorld.Stock("CON-R", T0, ("E2E-001", 10), ("E2E-002", 20)));
        await world.WaitForAsync("CON-R", "Delivered");
        world.BigCommerce.SetStock([("E2E-002", DeliveryWorld.Location, 99)]);

        browser.SignIn(Base, DemoOperator.UserName, DemoOperator.Password);
        browser.GoTo(new Uri(Base, "console/reconciliation"));
        browser.Find(By.CssSelector($"#reconcile-channel option[value='{DeliveryWorld.BigCommerceChannel}']")).Click();
        browser.Find(By.Id("start-reconciliation")).Click();
        Assert.That(browser.TextContaining(By.Id("notice"), $"of {DeliveryWorld.BigCommerceChannel}"), Does.Contain($"of {DeliveryWorld.BigCommerceChannel}"));

        browser.Until(
            d => d.FindElements(By.CssSelector($"#runs tr[data-channel='{DeliveryWorld.BigCommerceChannel}'][data-status='Completed']")).Count == 1,
            "the run completed",
            reload: true);
        var run = browser.Find(By.CssSelector($"#runs tr[data-channel='{DeliveryWorld.BigCommerceChannel}']"));
        Assert.That(run.FindElement(By.CssSelector("td.count-Drift")).Text, Is.EqualTo("1"));

        browser.Find(By.CssSelector("#class-filter option[value='Drift']")).Click();
        browser.Find(By.CssSelector("#class-filter")).Submit();
        browser.Until(d => d.Url.Contains("class=Drift", StringComparison.Ordinal), "the findings filtered by class");
        var findings = browser.Find(By.Id("findings")).FindElements(By.CssSelector("tbody tr"));
        Assert.That(findings, Has.Count.EqualTo(1));
        Assert.That(findings[0].Text, Does.Contain("E2E-002").And.Contain("20").And.Contain("99"));
        browser.Screenshot("reconciliation");

        browser.GoTo(new Uri(Base, "console/channels"));
        Assert.That(browser.Find(By.Id("actions")).Text, Does.Contain("Reconcile").And.Contain(DemoOperator.UserName));
    }

    [Test]
    public void OtherPages_Render_ForTheScreenshots()
    {
        browser.SignIn(Base, DemoOperator.UserName, DemoOperator.Password);
        browser.GoTo(new Uri(Base, "console/maps?handler=Cases"));
        Assert.That(browser.Find(By.Id("cases-summary")).Text, Does.Match(@"^(\d+) of \1 passed\.$"), "every golden case passes in the console as in maps-test");
        Assert.That(browser.FindAll(By.CssSelector("#maps tbody tr")), Is.Not.Empty);
        browser.Screenshot("maps");

        browser.GoTo(new Uri(Base, "console/orders"));
        Assert.That(browser.Find(By.Id("orders")).Displayed, Is.True);
        browser.Screenshot("orders");

        browser.GoTo(new Uri(Base, "console/messages"));
        Assert.That(browser.Find(By.Id("message-search")).Displayed, Is.True);
        browser.Screenshot("messages");
    }
}
