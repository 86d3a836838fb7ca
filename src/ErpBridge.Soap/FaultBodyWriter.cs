using System.ServiceModel.Channels;
using System.Xml;

namespace ErpBridge.Soap;

/// <summary>Puts <see cref="FaultWriter"/>'s fault into a WCF message for SoapCore to send.</summary>
internal sealed class FaultBodyWriter(SoapVersion version, SoapFault fault) : BodyWriter(isBuffered: true)
{
    protected override void OnWriteBodyContents(XmlDictionaryWriter writer) => FaultWriter.WriteFault(writer, version, fault);
}
