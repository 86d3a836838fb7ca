using System.Xml.Linq;

namespace ErpBridge.ErpPush;

/// <summary>
/// Hands one ALE audit IDoc (ALEAUD01) to the ERP over the same endpoint, credentials and failure classification as
/// order pushes. The MessageId is the same on every retry of the same audit, so the receiver takes it
/// once. Never throws for what the ERP or the network did.
/// </summary>
public interface IErpAuditSender
{
    Task<ErpPushResult> SendAuditAsync(string messageId, XElement document, CancellationToken ct);
}
