namespace ErpBridge.Core.Status;

/// <summary>One item of a message skipped or failed on a channel, with why and when; <see cref="ItemState.Failed"/> items wait for a resubmit.</summary>
public sealed record ItemView(string Item, ItemState State, string Reason, DateTimeOffset At);
