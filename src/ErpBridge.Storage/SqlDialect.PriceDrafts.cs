namespace ErpBridge.Storage;

/// <summary>
/// Products drafted for lack of a price (issue 15, migration 0015): which of a channel's SKUs the bridge keeps as
/// drafts until their price comes. The defaults are SQLite's and PostgreSQL's; SQL Server overrides the insert.
/// </summary>
public abstract partial class SqlDialect
{
    /// <summary>The SKUs of the JSON array @Skus that @Channel has drafted for lack of a price.</summary>
    public virtual string SelectPriceDrafts =>
        $"SELECT sku FROM {Table("price_drafts")} WHERE channel = @Channel AND sku IN (SELECT value FROM {JsonValues("@Skus")})";

    /// <summary>Records the SKUs of the JSON array @Skus as drafted on @Channel at @Now; one already recorded keeps its first time.</summary>
    public virtual string InsertPriceDrafts =>
        $"""
        INSERT INTO {Table("price_drafts")} (channel, sku, created_at)
        SELECT @Channel, value, @Now FROM {JsonValues("@Skus")} WHERE true
        ON CONFLICT (channel, sku) DO NOTHING
        """;

    /// <summary>Forgets the SKUs of the JSON array @Skus on @Channel (published, blocked, or priced by a product message).</summary>
    public virtual string DeletePriceDrafts =>
        $"DELETE FROM {Table("price_drafts")} WHERE channel = @Channel AND sku IN (SELECT value FROM {JsonValues("@Skus")})";

    private IEnumerable<(string Name, string Sql)> PriceDraftStatements()
    {
        yield return (nameof(SelectPriceDrafts), SelectPriceDrafts);
        yield return (nameof(InsertPriceDrafts), InsertPriceDrafts);
        yield return (nameof(DeletePriceDrafts), DeletePriceDrafts);
    }
}
