using ErpBridge.Core.Intake;

namespace ErpBridge.Soap;

/// <summary>A fault to send: who is to blame, the stable code, a reason for people, and the request's correlation id.</summary>
public sealed record SoapFault(bool SenderFault, string Code, string Reason, string CorrelationId)
{
    public static SoapFault Client(string code, string reason, string correlationId) => new(true, code, reason, correlationId);

    public static SoapFault Internal(string correlationId) =>
        new(false, FaultCodes.InternalError, $"The bridge could not process the request; quote correlation id {correlationId} to its operators.", correlationId);

    /// <summary>SOAP 1.1 and 1.2 both define VersionMismatch as a fault code of its own.</summary>
    public bool IsVersionMismatch => Code == FaultCodes.VersionMismatch;
}
