namespace ErpBridge.Host.OperatorConsole.Pages;

/// <summary>The overview: every channel's state, backlog, failures, order polling and last reconciliation.</summary>
public sealed class IndexModel(ConsoleOverview overview, TimeProvider time) : ConsolePage
{
    public IReadOnlyList<ChannelOverview> Channels { get; private set; } = [];

    public DateTimeOffset At { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        At = time.GetUtcNow();
        Channels = await overview.ChannelsAsync(cancellationToken);
    }
}
