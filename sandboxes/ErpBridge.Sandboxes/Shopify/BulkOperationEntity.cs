namespace ErpBridge.Sandboxes.Shopify;

/// <summary>A bulk query operation and, once completed, its JSONL result file. Changed only under <see cref="ShopifyStore.Gate"/>.</summary>
internal sealed class BulkOperationEntity(long number, string query, DateTimeOffset createdAt)
{
    public long Number { get; } = number;

    public string Id => $"gid://shopify/BulkOperation/{Number}";

    public string Query { get; } = query;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public string Status { get; set; } = "CREATED";

    public string? ErrorCode { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public long ObjectCount { get; set; }

    public long RootObjectCount { get; set; }

    public long? FileSize { get; set; }

    /// <summary>Where the JSONL lies on disk; null until completed, and when there were no objects.</summary>
    public string? FilePath { get; set; }

    public bool IsRunning => Status is "CREATED" or "RUNNING";
}
