namespace ErpBridge.Core.Intake;

/// <summary>
/// The one way an operation refuses a request: the SOAP layer turns it into a client fault with
/// <see cref="Code"/> and <see cref="Reason"/>. Anything else thrown is an internal error.
/// </summary>
public sealed class IntakeRejectedException(string code, string reason) : Exception(reason)
{
    public string Code { get; } = code;

    public string Reason { get; } = reason;
}
