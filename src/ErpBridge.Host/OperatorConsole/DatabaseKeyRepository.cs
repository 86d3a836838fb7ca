using System.Xml.Linq;
using ErpBridge.Core.Operators;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ErpBridge.Host.OperatorConsole;

/// <summary>
/// Keeps the console's data-protection keys in the bridge's database (migration 0020), so that every node of a
/// server database reads the session cookies and antiforgery tokens any node issued, and a restart signs no one out.
/// The key manager calls this synchronously and seldom (at the first request, when a key nears its expiry, and once a
/// day to refresh its cache): each call waits for one small statement on a thread of its own.
/// </summary>
public sealed class DatabaseKeyRepository(IConsoleKeyStore store, TimeProvider time) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        Task.Run(() => store.ReadAllAsync(CancellationToken.None)).GetAwaiter().GetResult().Select(XElement.Parse).ToList();

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        Task.Run(() => store.AddAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting), time.GetUtcNow(), CancellationToken.None)).GetAwaiter().GetResult();
    }
}
