namespace ErpBridge.Host.OperatorConsole.Pages;

/// <summary>The overview: every channel's state, backlog, failures, order polling and last reconciliation.</summary>
public sealed class IndexModel(ConsoleOverview overview, TimeProvider time) : ConsolePage
{
    public IReadOnlyList<ChannelOverview> Channels { get; private set; } = [];

    public DateTimeOffset At { get; private set; }

    /// <summary>Messages accepted per SOAP operation in the last hour, on this node.</summary>
    public IReadOnlyDictionary<string, long> Intake { get; private set; } = new Dictionary<string, long>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        At = time.GetUtcNow();
        Channels = await overview.ChannelsAsync(cancellationToken);
        Intake = overview.IntakeLastHour;
    }
}
