using System.ServiceModel.Channels;
using System.Xml;

namespace ErpBridge.Tests.Soap.Interop.Wcf.Security;

/// <summary>
/// wsse:Security holding a UsernameToken with a PasswordText password (WS-Security UsernameToken Profile 1.0).
/// Written by hand because WCF's own UserName credential refuses to send a password over plain HTTP.
/// </summary>
public sealed class UsernameTokenHeader(string userName, string password) : MessageHeader
{
    public const string WsseNamespace = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public const string PasswordTextType = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";

    public override string Name => "Security";

    public override string Namespace => WsseNamespace;

    /// <summary>A receiver that does not process WS-Security must refuse the message rather than ignore the token.</summary>
    public override bool MustUnderstand => true;

    protected override void OnWriteStartHeader(XmlDictionaryWriter writer, MessageVersion messageVersion)
    {
        writer.WriteStartElement("wsse", Name, Namespace);
        WriteHeaderAttributes(writer, messageVersion);
    }

    protected override void OnWriteHeaderContents(XmlDictionaryWriter writer, MessageVersion messageVersion)
    {
        writer.WriteStartElement("wsse", "UsernameToken", WsseNamespace);
        writer.WriteElementString("wsse", "Username", WsseNamespace, userName);
        writer.WriteStartElement("wsse", "Password", WsseNamespace);
        writer.WriteAttributeString("Type", PasswordTextType);
        writer.WriteString(password);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }
}
