namespace ErpBridge.Sandboxes.Erp;

/// <summary>How an <see cref="ErpSandbox"/> starts: where it listens, the one user it accepts and where its contract files are.</summary>
public sealed class ErpSandboxOptions
{
    /// <summary>Listen address; port 0 picks a free port (tests), a fixed port suits the demo host.</summary>
    public string Url { get; set; } = "http://127.0.0.1:0";

    /// <summary>The path of the service, SAP-style; the WSDL is served at this path with <c>?wsdl</c>.</summary>
    public string ServicePath { get; set; } = "/sap/xi/OrderReceiverService";

    /// <summary>The HTTP Basic user the receiver accepts.</summary>
    public string UserName { get; set; } = "ERPBRIDGE";

    /// <summary>The HTTP Basic password the receiver accepts.</summary>
    public string Password { get; set; } = "sandbox-password";

    /// <summary>
    /// The folder holding ErpOrderReceiver.wsdl and its XSDs (the repository's <c>wsdl/erp</c>); the default is the
    /// copy beside the executable.
    /// </summary>
    public string ContractFolder { get; set; } = Path.Combine(AppContext.BaseDirectory, "wsdl", "erp");

    /// <summary>The number the first created document gets; SAP sales order numbers are shown with 10 digits.</summary>
    public long FirstDocumentNumber { get; set; } = 12345;

    /// <summary>Requests larger than this are refused (413), as a gateway in front of an ERP would.</summary>
    public long MaxRequestBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// The TLS certificate for an https <see cref="Url"/> (e.g. https://127.0.0.1:0), so that clients can be tested the
    /// way they must run against a real ERP: Basic credentials over HTTPS only.
    /// </summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? ServerCertificate { get; set; }

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
