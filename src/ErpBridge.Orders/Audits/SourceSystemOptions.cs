namespace ErpBridge.Orders.Audits;

/// <summary>
/// ErpBridge:SourceSystems:&lt;name&gt;, the name being the SourceSystem a client sends (an SAP logical system such as
/// PRDCLNT100). A source system not listed sends no audits.
/// </summary>
public sealed class SourceSystemOptions
{
    /// <summary>Whether every IDoc this source sends is confirmed with an ALEAUD01 once its outcome is known. Off by default.</summary>
    public bool AuditIdocs { get; set; }

    /// <summary>The ERP endpoint (ErpBridge:ErpEndpoints:&lt;name&gt;) the audits go to; required when <see cref="AuditIdocs"/> is on.</summary>
    public string? ErpEndpoint { get; set; }

    /// <summary>
    /// The message types (EDI_DC40 MESTYP, e.g. SHPCON, LOISTD) whose IDocs are confirmed; empty: all. SAP's own
    /// audit has the same filter, since confirmations are often not wanted for master data.
    /// </summary>
    public List<string> MessageTypes { get; set; } = [];

    /// <summary>The status of an IDoc delivered to every channel: 41, application document created.</summary>
    public string DeliveredStatus { get; set; } = "41";

    /// <summary>The status of an IDoc that failed on a channel (dead-lettered, or an item failed): 51, or 40.</summary>
    public string FailedStatus { get; set; } = "51";
}
