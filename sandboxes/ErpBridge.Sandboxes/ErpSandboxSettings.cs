namespace ErpBridge.Sandboxes;

/// <summary>ErpBridge:Sandboxes:Erp.</summary>
public sealed class ErpSandboxSettings
{
    /// <summary>Empty: not started. An SAP-style order receiver (wsdl/erp/ErpOrderReceiver.wsdl) that channels can push orders to.</summary>
    public string? Url { get; set; }

    public string UserName { get; set; } = "ERPBRIDGE";

    public string Password { get; set; } = "";
}
