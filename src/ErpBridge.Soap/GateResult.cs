namespace ErpBridge.Soap;

/// <summary>What the envelope gate decided: pass the request on as <see cref="Operation"/>, or answer with <see cref="Fault"/>.</summary>
internal readonly record struct GateResult(SoapOperation? Operation, SoapFault? Fault)
{
    public static GateResult Pass(SoapOperation operation) => new(operation, null);

    public static GateResult Refuse(SoapFault fault) => new(null, fault);
}
