using ErpBridge.Core.Delivery;

namespace ErpBridge.Tests.Delivery;

/// <summary>
/// Hands out the claims it was given once, knows the versions it was given, and keeps every completion. Grants the
/// channel lease as many times as <see cref="LeasesGranted"/> says (always, by default).
/// </summary>
public sealed class FakeDeliveryStore(IReadOnlyList<ClaimedDelivery> due, IReadOnlyDictionary<string, ItemVersion>? delivered = null) : IDeliveryStore
{
    private readonly List<ClaimedDelivery> handedOut = [];
    private IReadOnlyList<ClaimedDelivery> due = due;

    public List<IReadOnlyCollection<string>> VersionQueries { get; } = [];

    public List<IReadOnlyList<DeliveryResult>> Completions { get; } = [];

    public int LeasesGranted { get; set; } = int.MaxValue;

    public int LeaseRequests { get; private set; }

    public int Releases { get; private set; }

    public Task<bool> TryLeaseChannelAsync(string channel, string worker, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken) =>
        Task.FromResult(++LeaseRequests <= LeasesGranted);

    public Task ReleaseChannelAsync(string channel, string worker, CancellationToken cancellationToken)
    {
        Releases++;
        return Task.CompletedTask;
    }

    public int Renewals { get; private set; }

    /// <summary>What a renewal answers, when the test says; else renewed while the lease is granted.</summary>
    public Func<CancellationToken, Task<bool>>? Renewal { get; set; }

    /// <summary>Counts every renewal asked for.</summary>
    public Task<bool> RenewChannelLeaseAsync(string channel, string worker, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken)
    {
        Renewals++;
        return Renewal is { } renewal ? renewal(cancellationToken) : Task.FromResult(LeaseRequests <= LeasesGranted);
    }

    public Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(string channel, string worker, int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var claimed = due.Take(max).ToList();
        due = due.Skip(max).ToList();
        handedOut.AddRange(claimed);
        return Task.FromResult<IReadOnlyList<ClaimedDelivery>>(claimed);
    }

    public List<long> Released { get; } = [];

    /// <summary>Records the release and hands the released claims out again, uncounted, at the next claim.</summary>
    public Task<int> ReleaseClaimsAsync(string channel, string worker, IReadOnlyCollection<long> deliveryIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Released.AddRange(deliveryIds);
        var released = handedOut.Where(c => deliveryIds.Contains(c.DeliveryId)).ToList();
        handedOut.RemoveAll(released.Contains);
        due = [.. released, .. due];
        return Task.FromResult(released.Count);
    }

    public Task<IReadOnlyDictionary<string, ItemVersion>> GetItemVersionsAsync(string channel, IReadOnlyCollection<string> itemKeys, CancellationToken cancellationToken)
    {
        VersionQueries.Add(itemKeys);
        IReadOnlyDictionary<string, ItemVersion> known = (delivered ?? new Dictionary<string, ItemVersion>())
            .Where(v => itemKeys.Contains(v.Key))
            .ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        return Task.FromResult(known);
    }

    public Task<int> CompleteAsync(string channel, string worker, IReadOnlyList<DeliveryResult> results, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Completions.Add(results);
        return Task.FromResult(results.Count);
    }

    public Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(string? channel, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<int> ResubmitAsync(string? messageId, string? channel, DateTimeOffset now, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<int> DiscardAsync(string? messageId, string? channel, string? item, string detail, DateTimeOffset now, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<AttemptView>> GetHistoryAsync(string messageId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<DeliveryCount>> CountAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    /// <summary>The items each delivery is to send again (a resubmit of failed items), as the round asks for them.</summary>
    public Dictionary<long, IReadOnlySet<string>> Resent { get; } = [];

    public Task<IReadOnlyDictionary<long, IReadOnlySet<string>>> GetResentItemsAsync(string channel, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<long, IReadOnlySet<string>>>(Resent);

    public Task<int> ResubmitItemsAsync(string? messageId, string? channel, string? item, DateTimeOffset now, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<ItemCount>> CountItemsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    /// <summary>The channel's pause as the last PauseChannelAsync / ResumeChannelAsync left it (the store's rules: a credentials pause never replaces an operator's).</summary>
    public ChannelPause? Pause { get; set; }

    public List<ChannelPause> PauseRequests { get; } = [];

    public Task PauseChannelAsync(ChannelPause pause, CancellationToken cancellationToken)
    {
        PauseRequests.Add(pause);
        if (Pause is null || Pause.By == pause.By || pause.By == PauseKind.Operator)
        {
            Pause = Pause is null ? pause : pause with { PausedAt = Pause.PausedAt };
        }

        return Task.CompletedTask;
    }

    public Task<bool> ResumeChannelAsync(string channel, PauseKind by, CancellationToken cancellationToken)
    {
        if (Pause is null || (by != PauseKind.Operator && Pause.By == PauseKind.Operator))
        {
            return Task.FromResult(false);
        }

        Pause = null;
        return Task.FromResult(true);
    }

    public Task<ChannelPause?> GetPauseAsync(string channel, CancellationToken cancellationToken) => Task.FromResult(Pause);

    public Task<IReadOnlyList<ChannelPause>> ListPausesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ChannelPause>>(Pause is null ? [] : [Pause]);

    /// <summary>Hands these out at the next claims (after the first are gone).</summary>
    public void Add(params ClaimedDelivery[] more) => due = [.. due, .. more];
}
