namespace ErpBridge.Sandboxes.Erp;

/// <summary>
/// A SOAP 1.1 fault the sandbox answers instead of processing a hand-over. <paramref name="FaultCode"/> is
/// <c>Client</c> (the hand-over is wrong) or <c>Server</c> (the ERP could not process it); <paramref name="Code"/> and
/// <paramref name="Text"/> become the er:ReceiveOrderFault detail (Code TryLater with Server: try again later).
/// </summary>
public sealed record ErpSandboxFault(string FaultCode, string Code, string Text)
{
    public static ErpSandboxFault Client(string code, string text) => new("Client", code, text);

    public static ErpSandboxFault Server(string code, string text) => new("Server", code, text);
}
