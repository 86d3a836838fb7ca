namespace ErpBridge.Bench;

/// <summary>The warm-up and measurement window of a run, as <see cref="TimeProvider"/> timestamps.</summary>
internal sealed record LoadSchedule(TimeProvider Time, long MeasureStart, long MeasureEnd)
{
    public static LoadSchedule StartNow(TimeProvider time, TimeSpan warmup, TimeSpan duration)
    {
        var now = time.GetTimestamp();
        var measureStart = now + ToTicks(time, warmup);
        return new LoadSchedule(time, measureStart, measureStart + ToTicks(time, duration));
    }

    /// <summary>No request may start at or after the end of the window.</summary>
    public bool IsOver(long timestamp) => timestamp >= MeasureEnd;

    /// <summary>Requests that start during warm-up are sent but not counted.</summary>
    public bool IsCounted(long timestamp) => timestamp >= MeasureStart;

    /// <summary>Time from the start of measurement until now (zero while still warming up).</summary>
    public TimeSpan MeasuredSoFar()
    {
        var now = Time.GetTimestamp();
        return now <= MeasureStart ? TimeSpan.Zero : Time.GetElapsedTime(MeasureStart, now);
    }

    private static long ToTicks(TimeProvider time, TimeSpan span) =>
        (long)(span.TotalSeconds * time.TimestampFrequency);
}
