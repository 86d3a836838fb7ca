namespace ErpBridge.Core.Alerts;

/// <summary>The sink when no alert webhook is configured: nothing is recorded.</summary>
public sealed class NoAlerts : IAlertSink
{
    public static readonly NoAlerts Instance = new();

    public void DeadLettered(string channel, IReadOnlyList<string> messageIds)
    {
    }
}
