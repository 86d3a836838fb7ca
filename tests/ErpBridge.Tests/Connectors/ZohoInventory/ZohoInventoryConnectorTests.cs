using ErpBridge.Connectors;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Tests.Connectors.ZohoInventory;

/// <summary>The Zoho Inventory connector against its sandbox: stock as adjustments, items by SKU, errors and limits.</summary>
[TestFixture]
public sealed class ZohoInventoryConnectorTests
{
    [Test]
    public async Task Stock_AdjustsByTheDifferenceToTheStockOnHandReadJustBefore()
    {
        await using var org = await ZohoTestOrganisation.StartAsync();
        org.Sandbox.SetStock("A-1", "WH1", 10);
        org.Sandbox.SetStock("A-2", "WH2", 50);

        var outcome = await org.Connector.ExecuteAsync(ZohoTestOrganisation.Stock("S-1", ("A-1", "WH1", 42), ("A-2", "WH2", 45)), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>(), outcome.ToString());
        Assert.That((org.Sandbox.StockOf("A-1", "WH1"), org.Sandbox.StockOf("A-2", "WH2")), Is.EqualTo(((decimal?)42, (decimal?)45)));
        var adjustments = org.Sandbox.Adjustments;
        Assert.That(adjustments.SelectMany(a => a.Lines.Select(l => l.Quantity)), Is.EquivalentTo(new[] { 32m, -5m }));
        Assert.That(adjustments.Select(a => a.ReferenceNumber), Is.All.StartsWith("ERPB-S1zoho"));
        Assert.That(adjustments.Select(a => a.ReferenceNumber).Distinct().Count(), Is.EqualTo(2), "one adjustment per location, each its own reference");
        Assert.That(adjustments.Select(a => a.Date), Is.All.EqualTo("2026-12-08"));
    }

    [Test]
    public async Task Stock_AtTheLevelAlready_MakesNoAdjustment()
    {
        await using var org = await ZohoTestOrganisation.StartAsync();
        org.Sandbox.SetStock("A-1", "WH1", 7);

        var outcome = await org.Connector.ExecuteAsync(ZohoTestOrganisation.Stock("S-1", ("A-1", "WH1", 7)), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>(), outcome.ToString());
        Assert.That(org.Sandbox.Adjustments, Is.Empty);
        Assert.That(org.Sandbox.WriteRequests, Is.Empty);
    }

    [Test]
    public async Task Stock_RetriedAfterALostAnswer_FindsItsAdjustmentAndDoesNotAdjustAgain()
    {
        await using var org = await ZohoTestOrganisation.StartAsync();
        org.Sandbox.SetStock("A-1", "WH1", 10);
        var plan = ZohoTestOrganisation.Stock("S-1", ("A-1", "WH1", 42));
        org.Sandbox.LoseNextAnswers(1);

        var first = await org.Connector.ExecuteAsync(plan, CancellationToken.None);

        Assert.That(first, Is.TypeOf<DeliveryOutcome.TransientFailure>(), "the answer was lost: the delivery is retried");
        Assert.That(org.Sandbox.StockOf("A-1", "WH1"), Is.EqualTo(42m), "yet Zoho made the adjustment");

        // A web order sells one before the retry: the retry must neither adjust +32 again nor undo the sale (+1).
        org.Sandbox.SetStock("A-1", "WH1", 41);
        var retry = await org.Connector.ExecuteAsync(plan, CancellationToken.None);

        Assert.That(retry, Is.TypeOf<DeliveryOutcome.Delivered>(), retry.ToString());
        Assert.That(org.Sandbox.Adjustments, Has.Count.EqualTo(1));
        Assert.That(org.Sandbox.StockOf("A-1", "WH1"), Is.EqualTo(41m));
        Assert.That(org.Sandbox.WriteRequests, Has.Count.EqualTo(1), "the retry wrote nothing");
    }

    [Test]
    public async Task Stock_RetriedWhenTheAdjustmentIsNoLongerAmongTheNewest_ReadsTheStockAndAdjustsNothing()
    {
        // The second line of defence: the look-back (here 1) no longer holds the adjustment, the stock read before does.
        await using var org = await ZohoTestOrganisation.StartAsync(o => o.AdjustmentLookBack = 1);
        org.Sandbox.SetStock("A-1", "WH1", 10);
        var plan = ZohoTestOrganisation.Stock("S-1", ("A-1", "WH1", 42));
        org.Sandbox.LoseNextAnswers(1);
        await org.Connector.ExecuteAsync(plan, CancellationToken.None);
        await org.Connector.ExecuteAsync(ZohoTestOrganisation.Stock("S-2", ("B-1", "WH2", 3)), CancellationToken.None);

        var retry = await org.Connector.ExecuteAsync(plan, CancellationToken.None);

        Assert.That(retry, Is.TypeOf<DeliveryOutcome.Delivered>(), retry.ToString());
        Assert.That(org.Sandbox.StockOf("A-1", "WH1"), Is.EqualTo(42m));
        Assert.That(org.Sandbox.Adjustments.Count(a => a.Lines.Any(l => l.ItemId == org.Sandbox.Item("A-1")!.ItemId)), Is.EqualTo(1));
    }

    [Test]
    public async Task Stock_UnknownSku_FailsItsLineAlone()
    {
        await using var org = await ZohoTestOrganisation.StartAsync();
        org.Sandbox.SetStock("A-1", "WH1", 1);

        var outcome = await org.Connector.ExecuteAsync(ZohoTestOrganisation.Stock("S-1", ("A-1", "WH1", 5), ("NOPE", "WH1", 9)), CancellationToken.None);

        var delivered = outcome as DeliveryOutcome.Delivered;
        Assert.That(delivered, Is.Not.Null, outcome.ToString());
        Assert.That(delivered!.FailedItems!.Select(i => i.Key), Is.EqualTo(new[] { "inv:NOPE@WH1" }));
        Assert.That(delivered.FailedItems![0].Reason, Does.Contain("SKU 'NOPE' has no item"));
        Assert.That(org.Sandbox.StockOf("A-1", "WH1"), Is.EqualTo(5m));
    }

    [Test]
    public async Task Stock_EveryLineUnknown_ReportsEveryItemFailed_AndSendsNothing()
    {
        await using var org = await ZohoTestOrganisation.StartAsync();

        var outcome = await org.Connector.ExecuteAsync(ZohoTestOrganisation.Stock("S-1", ("NOPE-1", "WH1", 5), ("NOPE-2", "WH9", 9)), CancellationToken.None);

        var delivered = outcome as DeliveryOutcome.Delivered;
        Assert.That(delivered, Is.Not.Null, outcome.ToString());
        Assert.That(delivered!.FailedItems!.Select(i => i.Key), Is.EquivalentTo(new[] { "inv:NOPE-1@WH1", "inv:NOPE-2@WH9" }));
        Assert.That(org.Sandbox.WriteRequests, Is.Empty);
    }

    [Test]
    public async Task Stock_LocationsMappedInTheChannel_AreUsedWithoutALookUp()
    {
        await using var org = await ZohoTestOrganisation.StartAsync(channel: c => c.Locations["PLANT-2"] = "460000000038081");
        org.Sandbox.SetStock("A-1", "WH2", 1);

        var outcome = await org.Connector.ExecuteAsync(ZohoTestOrganisation.Stock("S-1", ("A-1", "PLANT-2", 4)), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>(), outcome.ToString());
        Assert.That(org.Sandbox.StockOf("A-1", "WH2"), Is.EqualTo(4m));
        Assert.That(org.Sandbox.Requests.Select(r => r.Path), Has.None.EqualTo("locations"));
    }

    [Test]
    public async Task Products_CreatedThenUpdatedBySku()
    {
        await using var org = await ZohoTestOrganisation.StartAsync();

        var created = await org.Connector.ExecuteAsync(ZohoTestOrganisation.Product("P-1", "NEW-1", "Trail shoe", 89.90m), CancellationToken.None);
        var updated = await org.Connector.ExecuteAsync(ZohoTestOrganisation.Product("P-2", "NEW-1", "Trail shoe, light", null, "draft"), CancellationToken.None);

        Assert.That(created, Is.TypeOf<DeliveryOutcome.Delivered>(), created.ToString());
        Assert.That(updated, Is.TypeOf<DeliveryOutcome.Delivered>(), updated.ToString());
        Assert.That(org.Sandbox.Items.Count(i => i.Sku == "NEW-1"), Is.EqualTo(1));
        var item = org.Sandbox.Item("NEW-1")!;
        Assert.That((item.Name, item.Rate, item.Status, item.Ean), Is.EqualTo(("Trail shoe, light", (decimal?)89.90m, "inactive", (long?)4006381333931)));
        Assert.That(((DeliveryOutcome.Delivered)created).PlatformIds["item:NEW-1"], Is.EqualTo(item.ItemId));
    }

    [Test]
    public async Task ItemDeletedInZoho_UpdateFailsTransiently_AndTheRetryCreatesItAgain()
    {
        await using var org = await ZohoTestOrganisation.StartAsync();
        await org.Connector.ExecuteAsync(ZohoTestOrganisation.Product("P-1", "NEW-1", "Shoe", 10m), CancellationToken.None);
        org.Sandbox.DeleteItem("NEW-1");
        var plan = ZohoTestOrganisation.Product("P-2", "NEW-1", "Shoe", 11m);

        var first = await org.Connector.ExecuteAsync(plan, CancellationToken.None);
        var retry = await org.Connector.ExecuteAsync(plan, CancellationToken.None);

        Assert.That(first, Is.TypeOf<DeliveryOutcome.TransientFailure>(), first.ToString());
        Assert.That(((DeliveryOutcome.TransientFailure)first).Reason, Does.Contain("code 1002"));
        Assert.That(retry, Is.TypeOf<DeliveryOutcome.Delivered>(), retry.ToString());
        Assert.That(org.Sandbox.Item("NEW-1")!.Rate, Is.EqualTo(11m));
    }

    [Test]
    public async Task CodeOtherThanZero_UnderA200_IsAFailureWithZohosMessage()
    {
        await using var org = await ZohoTestOrganisation.StartAsync();
        org.Sandbox.Seed(["A-1"]);
        org.Sandbox.FailNextWithCode(1, 9205, "The item cannot be adjusted in a locked period.");

        var outcome = await org.Connector.ExecuteAsync(ZohoTestOrganisation.Stock("S-1", ("A-1", "WH1", 3)), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.PermanentFailure>());
        Assert.That(((DeliveryOutcome.PermanentFailure)outcome).Reason, Does.Contain("code 9205: The item cannot be adjusted in a locked period."));
    }

    [Test]
    public async Task ErrorStatus_CarriesZohosCodeAndMessage()
    {
        await using var org = await ZohoTestOrganisation.StartAsync();

        var outcome = await org.Connector.ExecuteAsync(ZohoTestOrganisation.Product("P-1", "NAMELESS", "", 1m), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.PermanentFailure>());
        Assert.That(((DeliveryOutcome.PermanentFailure)outcome).Reason, Does.Contain("Zoho Inventory 400 on POST items").And.Contain("code 4: Invalid value passed for name"));
    }

    [Test]
    public async Task ServerErrors_AreTransient()
    {
        await using var org = await ZohoTestOrganisation.StartAsync();
        org.Sandbox.Seed(["A-1"]);
        org.Sandbox.FailNext(1, 503);

        var outcome = await org.Connector.ExecuteAsync(ZohoTestOrganisation.Stock("S-1", ("A-1", "WH1", 3)), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.TransientFailure>());
        Assert.That(((DeliveryOutcome.TransientFailure)outcome).Reason, Does.Contain("Injected failure"));
    }

    [Test]
    public async Task StockRead_PagesThroughEveryItemAtEveryLocation()
    {
        await using var org = await ZohoTestOrganisation.StartAsync(channel: c => c.Locations["PLANT-1"] = "460000000038080");
        org.Sandbox.SetStock("R-1", "WH1", 5);
        org.Sandbox.SetStock("R-2", "WH2", 7);
        org.Sandbox.SetStock("R-3", "WH1", 9);
        var levels = new List<StockLevel>();
        string? token = null;
        var pages = 0;
        do
        {
            var result = await org.Connector.ReadStockAsync(new StockQuery(token, 2), CancellationToken.None);
            Assert.That(result.Failure, Is.Null, result.Failure?.ToString());
            levels.AddRange(result.Page!.Levels);
            token = result.Page.NextPageToken;
            pages++;
        }
        while (token is not null);

        Assert.That(pages, Is.EqualTo(2));
        Assert.That(levels, Does.Contain(new StockLevel("R-1", "PLANT-1", 5)));
        Assert.That(levels, Does.Contain(new StockLevel("R-2", "WH2", 7)));
        Assert.That(levels, Does.Contain(new StockLevel("R-3", "PLANT-1", 9)));
        Assert.That(levels, Has.Count.EqualTo(6), "every item at both locations");
    }

    [Test]
    public async Task StockRead_BadToken_IsPermanent()
    {
        await using var org = await ZohoTestOrganisation.StartAsync();

        var result = await org.Connector.ReadStockAsync(new StockQuery("page=x", 10), CancellationToken.None);

        Assert.That(result.Failure, Is.TypeOf<DeliveryOutcome.PermanentFailure>());
    }
}
