namespace ErpBridge.Mapping.Golden;

/// <summary>Counts of a golden-case run; an operator command exits non-zero when <see cref="Failed"/> is not zero.</summary>
public sealed record GoldenSummary(int Passed, int Failed)
{
    public int Total => Passed + Failed;
}
