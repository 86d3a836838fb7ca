namespace ErpBridge.Host.Retention;

/// <summary>One kind of one purge run: the rows deleted (over all its tables), how long it took, and the age limit applied.</summary>
public sealed record PurgeKindResult(string Kind, long Rows, TimeSpan Took, DateTimeOffset Before);
