namespace ErpBridge.Sandboxes.Erp;

/// <summary>What the order book made of a hand-over: an answer, or a refusal to send as a SOAP fault.</summary>
internal sealed record ErpReceiveResult(ErpSandboxReceipt? Receipt, ErpSandboxFault? Refusal)
{
    public static ErpReceiveResult Answered(ErpSandboxReceipt receipt) => new(receipt, null);

    public static ErpReceiveResult Refused(string faultCode, string code, string text) => new(null, new ErpSandboxFault(faultCode, code, text));
}
