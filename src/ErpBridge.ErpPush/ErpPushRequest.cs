using System.Xml.Linq;

namespace ErpBridge.ErpPush;

/// <summary>
/// One hand-over of one order to the ERP. <paramref name="MessageId"/> identifies this hand-over and must be the same
/// on every retry of it (the receiver answers a repeated MessageId with the first answer and does nothing again);
/// a later change of the order is a new hand-over with a new MessageId. <paramref name="ChangeType"/> is one of
/// <see cref="ErpChangeType"/>. <paramref name="Document"/> is what <see cref="ErpDocumentBuilder"/> made: the
/// canonical ord:Order, or the output of the route's ERP map (e.g. an ORDERS05 IDoc).
/// </summary>
public sealed record ErpPushRequest(string MessageId, string ChangeType, XElement Document);
