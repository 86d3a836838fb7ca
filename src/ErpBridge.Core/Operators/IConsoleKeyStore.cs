namespace ErpBridge.Core.Operators;

/// <summary>
/// The operator console's key ring (migration 0020): the XML elements of the keys that protect its session cookies
/// and antiforgery tokens, shared by every node of the database.
/// </summary>
public interface IConsoleKeyStore
{
    /// <summary>Every key's XML element, oldest first.</summary>
    Task<IReadOnlyList<string>> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>Adds a key's element under its name; a name already stored is kept as it is (keys never change).</summary>
    Task AddAsync(string name, string xml, DateTimeOffset at, CancellationToken cancellationToken);
}
