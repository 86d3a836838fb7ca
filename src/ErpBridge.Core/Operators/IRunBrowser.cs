namespace ErpBridge.Core.Operators;

/// <summary>Reconciliation runs as the console lists them (the runs themselves are read from the reconciliation store).</summary>
public interface IRunBrowser
{
    /// <summary>The ids of the newest runs first, of one channel when given.</summary>
    Task<IReadOnlyList<long>> RecentRunIdsAsync(string? channel, int limit, CancellationToken cancellationToken);
}
