using ErpBridge.Connectors.Http;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors.ZohoInventory;

/// <summary>
/// Holds an organisation's requests under Zoho's two limits, for every channel of that organisation at once: at most
/// <c>perMinute</c> in any minute (a request waits for the oldest of the last minute to age out), and at most
/// <c>dailyLimit - reserve</c> a day (UTC; then nothing is sent until the next day: see <see cref="Exhausted"/>).
/// The day's count is kept in memory: after a restart it starts at zero again, and Zoho's own 429 takes over.
/// </summary>
internal sealed class ZohoInventoryPacer(TimeProvider time, int perMinute, int dailyLimit, int reserve) : IRequestPacer, IRequestBudget
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly Lock gate = new();
    private readonly Queue<DateTimeOffset> lastMinute = new();
    private DateOnly day;
    private int usedToday;

    /// <summary>Requests the bridge may still make today (the reserve left out).</summary>
    public int RemainingToday
    {
        get
        {
            lock (gate)
            {
                RollDay(time.GetUtcNow());
                return Math.Max(0, dailyLimit - reserve - usedToday);
            }
        }
    }

    public int DailyLimit => dailyLimit;

    public DeliveryOutcome.TransientFailure? Exhausted()
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            RollDay(now);
            if (usedToday < dailyLimit - reserve)
            {
                return null;
            }
        }

        var reset = new DateTimeOffset(day.AddDays(1), TimeOnly.MinValue, TimeSpan.Zero) - now;
        return new DeliveryOutcome.TransientFailure(
            $"Zoho Inventory daily request budget used up ({dailyLimit - reserve} of the organisation's {dailyLimit} today, UTC); nothing is sent until the day's reset in {reset:hh\\:mm}",
            reset);
    }

    public async ValueTask<double> WaitAsync(byte[]? body, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (gate)
            {
                var now = time.GetUtcNow();
                RollDay(now);
                while (lastMinute.Count > 0 && lastMinute.Peek() <= now - Minute)
                {
                    lastMinute.Dequeue();
                }

                if (lastMinute.Count < perMinute)
                {
                    lastMinute.Enqueue(now);
                    usedToday++;
                    return 1;
                }

                wait = lastMinute.Peek() + Minute - now;
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    public void Observe(double reserved, byte[]? requestBody, HttpResponseMessage? response, byte[] body)
    {
        // The count is taken when a request goes; Zoho's answers carry no figure the bridge relies on.
    }

    private void RollDay(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (today != day)
        {
            day = today;
            usedToday = 0;
        }
    }
}
