namespace ErpBridge.Bench;

/// <summary>Bad command-line arguments; reported with exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
