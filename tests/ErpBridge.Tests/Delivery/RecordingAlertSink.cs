using System.Collections.Concurrent;
using ErpBridge.Core.Alerts;

namespace ErpBridge.Tests.Delivery;

/// <summary>An alert sink that keeps what the rounds reported.</summary>
public sealed class RecordingAlertSink : IAlertSink
{
    public ConcurrentQueue<(string Channel, IReadOnlyList<string> MessageIds)> DeadLetters { get; } = new();

    public void DeadLettered(string channel, IReadOnlyList<string> messageIds) => DeadLetters.Enqueue((channel, messageIds));
}
