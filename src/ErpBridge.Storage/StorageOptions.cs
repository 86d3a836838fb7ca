namespace ErpBridge.Storage;

/// <summary>The section "ErpBridge:Storage".</summary>
public sealed class StorageOptions
{
    public const string Section = "ErpBridge:Storage";

    public const string Sqlite = "Sqlite";

    public const string PostgreSql = "PostgreSql";

    public const string SqlServer = "SqlServer";

    /// <summary>Sqlite (embedded, the default), PostgreSql or SqlServer.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>In the provider's own format: Microsoft.Data.Sqlite, Npgsql (Host=...;Database=...) or SqlClient.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/erpbridge.db";

    /// <summary>
    /// SQLite only: with Full no receipt is sent before the write-ahead log holding its commit is synced to disk (one
    /// sync covers the batches committed meanwhile), so an accept survives a power cut; with Normal it survives a
    /// crash of the process but may be lost on power loss.
    /// </summary>
    public string SqliteSynchronous { get; set; } = "Full";

    /// <summary>SQLite only: most accepts committed together in one transaction (group commit).</summary>
    public int MaxAcceptBatch { get; set; } = 128;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Provider is not (Sqlite or PostgreSql or SqlServer))
        {
            errors.Add($"{Section}:Provider: '{Provider}' is not {Sqlite}, {PostgreSql} or {SqlServer}.");
        }

        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            errors.Add($"{Section}:ConnectionString: required.");
        }

        if (SqliteSynchronous is not ("Full" or "Normal"))
        {
            errors.Add($"{Section}:SqliteSynchronous: '{SqliteSynchronous}' is not Full or Normal.");
        }

        if (MaxAcceptBatch is < 1 or > 1000)
        {
            errors.Add($"{Section}:MaxAcceptBatch: {MaxAcceptBatch} is outside 1..1000.");
        }

        return errors;
    }
}
