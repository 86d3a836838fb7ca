using System.Xml.Linq;
using ErpBridge.Core.Messages;

namespace ErpBridge.Core.Intake;

/// <summary>A raw ERP document's inbound map, as the intake runs it before the receipt.</summary>
public interface IDocumentMapper
{
    /// <summary>The canonical message of a SubmitDocument request (<see cref="IncomingMessage.Payload"/>), of the type its document type produces.</summary>
    /// <exception cref="IntakeRejectedException">
    /// <see cref="FaultCodes.MappingFailed"/>: the map refused the document (its message is the reason), made no canonical
    /// message, or made one of another type.
    /// </exception>
    /// <exception cref="OperationCanceledException">The token stopped the map (the intake's time bound).</exception>
    XDocument ToCanonical(IncomingMessage message, MessageType produces, CancellationToken cancellationToken);
}
