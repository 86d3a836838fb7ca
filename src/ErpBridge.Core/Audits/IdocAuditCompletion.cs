namespace ErpBridge.Core.Audits;

/// <summary>
/// One send's outcome for <paramref name="MessageId"/>: <paramref name="State"/> Sent (with the ERP's
/// <paramref name="IdocNumber"/>), Pending again at <paramref name="RetryAt"/>, or Failed; <paramref name="Error"/> says why not.
/// </summary>
public sealed record IdocAuditCompletion(string MessageId, IdocAuditState State, string? IdocNumber, string? Error, DateTimeOffset? RetryAt);
