using System.Collections.Concurrent;

namespace ErpBridge.Sandboxes.Api2Cart;

/// <summary>
/// API2Cart's idempotency_key: a repeated request with the same key (and method) within the window gets the first
/// answer again, without the method running twice. Only successful answers are kept, so that a failed call may be
/// repeated with its key.
/// </summary>
internal sealed class Api2CartIdempotency(TimeProvider time, TimeSpan window)
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, byte[] Answer)> answers = new(StringComparer.Ordinal);

    public long Replayed => Interlocked.Read(ref replayed);

    private long replayed;

    public byte[]? Find(string method, string key)
    {
        if (answers.TryGetValue(method + "\n" + key, out var kept) && time.GetUtcNow() - kept.At < window)
        {
            Interlocked.Increment(ref replayed);
            return kept.Answer;
        }

        return null;
    }

    public void Keep(string method, string key, byte[] answer) => answers[method + "\n" + key] = (time.GetUtcNow(), answer);
}
