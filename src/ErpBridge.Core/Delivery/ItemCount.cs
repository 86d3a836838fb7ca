namespace ErpBridge.Core.Delivery;

/// <summary>How many items of a channel's deliveries are in one state: Skipped, Failed, or Resend (resubmitted, waiting to go again).</summary>
public sealed record ItemCount(string Channel, string State, long Count);
