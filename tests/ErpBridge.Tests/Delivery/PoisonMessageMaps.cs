using System.Xml.Linq;
using ErpBridge.Core.Messages;
using ErpBridge.Mapping.Maps;

namespace ErpBridge.Tests.Delivery;

/// <summary>
/// The fake maps, except for poison SKUs: a message carrying "SLOW" maps until its token is cancelled (as the XSLT
/// engine stops a running transform), one carrying "THROW" throws as a broken map would.
/// </summary>
public sealed class PoisonMessageMaps : IMessageMaps
{
    private readonly FakeMessageMaps maps = new();
    private int slowStarted;

    /// <summary>How many times a slow map began.</summary>
    public int SlowStarted => Volatile.Read(ref slowStarted);

    public XDocument ToCanonical(string documentType, XElement document, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken = default) =>
        maps.ToCanonical(documentType, document, parameters, cancellationToken);

    public XDocument ToPlan(string platform, MessageType type, XDocument canonical, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken = default)
    {
        var skus = canonical.Descendants().Where(e => e.Name.LocalName == "Sku").Select(e => e.Value).ToList();
        if (skus.Contains("SLOW"))
        {
            Interlocked.Increment(ref slowStarted);
            cancellationToken.WaitHandle.WaitOne(TimeSpan.FromMinutes(2));
            cancellationToken.ThrowIfCancellationRequested();
            throw new InvalidOperationException("the slow map was never cancelled");
        }

        if (skus.Contains("THROW"))
        {
            throw new InvalidOperationException("the map broke");
        }

        return maps.ToPlan(platform, type, canonical, parameters, cancellationToken);
    }
}
