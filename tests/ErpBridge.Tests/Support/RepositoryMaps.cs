using System.Xml.Linq;
using ErpBridge.Mapping.Maps;
using ErpBridge.Mapping.Plans;

namespace ErpBridge.Tests.Support;

/// <summary>
/// The map engine over the repository's committed xslt folder, set up one way for every test: no file watching, so a
/// run maps with exactly what is committed and leaves no watcher behind.
/// </summary>
public static class RepositoryMaps
{
    private static readonly Lazy<XsltMapEngine> SharedEngine = new(() => Open());

    /// <summary>One engine for the whole run, for helpers that only transform (the engine is thread-safe; never dispose it).</summary>
    public static XsltMapEngine Shared => SharedEngine.Value;

    /// <summary>A new engine the caller owns and disposes: over the committed maps, or over <paramref name="root"/>.</summary>
    public static XsltMapEngine Open(string? root = null) => new(new XsltMapEngineOptions { Root = root ?? RepositoryFolders.Xslt, WatchFiles = false });

    /// <summary>
    /// The plan the committed <paramref name="map"/> writes for <paramref name="message"/> on <paramref name="channel"/>, with
    /// the parameters the delivery pipeline passes (message id, channel, first-attempt idempotency key) and any <paramref name="extra"/>.
    /// </summary>
    public static RequestPlan Plan(string map, XDocument message, string channel, string messageId, IReadOnlyDictionary<string, string>? extra = null)
    {
        var parameters = new Dictionary<string, string>
        {
            ["message-id"] = messageId,
            ["channel"] = channel,
            ["idempotency-key"] = $"{messageId}:{channel}:1",
        };
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            parameters[name] = value;
        }

        return RequestPlan.Parse(Shared.Transform(map, message, parameters));
    }
}
