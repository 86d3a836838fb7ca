namespace ErpBridge.Storage;

public sealed partial class SqlServerDialect
{
    // UPDLOCK, HOLDLOCK: the look-up holds the key range, so that two writers of one SKU insert it once.
    public override string InsertPriceDrafts =>
        """
        INSERT INTO dbo.price_drafts (channel, sku, created_at)
        SELECT @Channel, s.[value], @Now FROM OPENJSON(@Skus) AS s
        WHERE NOT EXISTS (SELECT 1 FROM dbo.price_drafts AS p WITH (UPDLOCK, HOLDLOCK) WHERE p.channel = @Channel AND p.sku = s.[value])
        """;
}
