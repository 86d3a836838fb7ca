using Dapper;
using ErpBridge.Storage;

namespace ErpBridge.Tests.Storage;

/// <summary>
/// Issue 15: the products each channel keeps as drafts for lack of a price (migration 0015), on every dialect
/// available: recorded once with their first time, found per channel, forgotten when published or blocked.
/// </summary>
[TestFixtureSource(typeof(StorageTarget), nameof(StorageTarget.All))]
public sealed class PriceDraftStoreTests(StorageTarget target) : StoreFixture(target)
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private SqlPriceDraftStore drafts = null!;

    [SetUp]
    public void CreateStore() => drafts = new SqlPriceDraftStore(Database.Dialect, Database.Options, Messages);

    [Test]
    public async Task Find_NamesOnlyTheChannelsOwnDrafts_AmongTheSkusAskedFor()
    {
        await drafts.UpdateAsync("shop-a", ["A-1", "A-2", "Ä-3"], [], T0, CancellationToken.None);
        await drafts.UpdateAsync("shop-b", ["B-1"], [], T0, CancellationToken.None);

        var found = await drafts.FindAsync("shop-a", ["A-1", "Ä-3", "B-1", "a-1", "NEVER"], CancellationToken.None);

        Assert.That(found, Is.EquivalentTo(new[] { "A-1", "Ä-3" }), "other channels' drafts and SKUs differing in case are not this channel's");
        Assert.That(await drafts.FindAsync("shop-b", ["A-1", "B-1"], CancellationToken.None), Is.EquivalentTo(new[] { "B-1" }));
        Assert.That(await drafts.FindAsync("shop-a", [], CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task Update_RecordingAgain_KeepsTheFirstTime_AndOneRow()
    {
        await drafts.UpdateAsync("shop-a", ["A-1"], [], T0, CancellationToken.None);

        await drafts.UpdateAsync("shop-a", ["A-1", "A-1", "A-2"], [], T0.AddHours(1), CancellationToken.None);

        var rows = await RowsAsync();
        Assert.That(rows.Select(r => (r.Channel, r.Sku)), Is.EqualTo(new[] { ("shop-a", "A-1"), ("shop-a", "A-2") }));
        Assert.That(SqlDialect.ReadTime(rows[0].CreatedAt), Is.EqualTo(T0), "drafted first at T0");
        Assert.That(SqlDialect.ReadTime(rows[1].CreatedAt), Is.EqualTo(T0.AddHours(1)));
    }

    [Test]
    public async Task Update_Cleared_AreForgottenOnThatChannelOnly_InTheSameWriteAsNewDrafts()
    {
        await drafts.UpdateAsync("shop-a", ["A-1", "A-2"], [], T0, CancellationToken.None);
        await drafts.UpdateAsync("shop-b", ["A-1"], [], T0, CancellationToken.None);

        await drafts.UpdateAsync("shop-a", ["A-3"], ["A-1", "NEVER"], T0.AddMinutes(1), CancellationToken.None);

        Assert.That((await RowsAsync()).Select(r => (r.Channel, r.Sku)), Is.EqualTo(new[] { ("shop-a", "A-2"), ("shop-a", "A-3"), ("shop-b", "A-1") }));
    }

    [Test]
    public async Task Update_Nothing_WritesNothing()
    {
        await drafts.UpdateAsync("shop-a", [], [], T0, CancellationToken.None);

        Assert.That(await RowsAsync(), Is.Empty);
    }

    private async Task<List<DraftRow>> RowsAsync()
    {
        await using var connection = await Database.Dialect.OpenAsync(Database.Options.ConnectionString, writer: false, CancellationToken.None);
        var table = Database.Dialect is SqlServerDialect ? "dbo.price_drafts" : "price_drafts";
        var rows = await connection.QueryAsync<DraftRow>($"SELECT channel AS Channel, sku AS Sku, created_at AS CreatedAt FROM {table}");
        return [.. rows.OrderBy(r => r.Channel, StringComparer.Ordinal).ThenBy(r => r.Sku, StringComparer.Ordinal)];
    }

    private sealed class DraftRow
    {
        public string Channel { get; set; } = "";

        public string Sku { get; set; } = "";

        public object CreatedAt { get; set; } = "";
    }
}
