using System.Xml;
using ErpBridge.Core.Xml;

namespace ErpBridge.Mapping.Maps;

/// <summary>
/// Passes every call to the inner reader and checks the token on each <see cref="Read"/>, so loading a large map
/// input stops when the message's time runs out (the transform reads its whole input before it starts). Dispose leaves
/// the inner reader alone: whoever passed it in owns it.
/// </summary>
internal sealed class CancellableXmlReader(XmlReader inner, CancellationToken cancellationToken) : DelegatingXmlReader(inner, ownsInner: false)
{
    public override bool Read()
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Inner.Read();
    }
}
