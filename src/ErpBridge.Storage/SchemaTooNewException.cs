namespace ErpBridge.Storage;

/// <summary>The database carries a migration this build does not know: a newer version upgraded it. The host does not start.</summary>
public sealed class SchemaTooNewException(string message) : InvalidOperationException(message);
