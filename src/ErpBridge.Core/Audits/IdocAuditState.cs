namespace ErpBridge.Core.Audits;

/// <summary>Where an audit stands.</summary>
public enum IdocAuditState
{
    /// <summary>Waiting to be sent (again at its next attempt time).</summary>
    Pending,

    /// <summary>Claimed by a sender until its lease ends.</summary>
    Sending,

    /// <summary>The ERP took it.</summary>
    Sent,

    /// <summary>The ERP refused it for good (an invalid document); an operator looks at the last error.</summary>
    Failed,

    /// <summary>The document had no IDoc control record, or none of a message type the source confirms: there is nothing to confirm.</summary>
    NotIdoc,
}
