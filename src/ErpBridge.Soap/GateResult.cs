using ErpBridge.Soap.Contract;

namespace ErpBridge.Soap;

/// <summary>
/// What the envelope gate decided: pass the request on to SoapCore as <see cref="Operation"/>, run the intake operation
/// <see cref="Intake"/> on the request object already read (<see cref="Request"/>), or answer with <see cref="Fault"/>.
/// </summary>
internal readonly record struct GateResult(SoapOperation? Operation, SoapFault? Fault, IntakeOperation? Intake = null, IEnvelopeFields? Request = null)
{
    public static GateResult Pass(SoapOperation operation) => new(operation, null);

    public static GateResult Dispatch(SoapOperation operation, IntakeOperation intake, IEnvelopeFields request) => new(operation, null, intake, request);

    public static GateResult Refuse(SoapFault fault) => new(null, fault);
}
