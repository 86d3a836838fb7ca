namespace ErpBridge.Storage;

/// <summary>One versioned script: Migrations/{dialect}/NNNN_name.sql.</summary>
public sealed record Migration(int Version, string Name, string Sql);
