namespace ErpBridge.Mapping.Golden;

/// <summary>The outcome of one golden case; <see cref="Failure"/> holds the diff or the error when it did not pass.</summary>
public sealed record GoldenCaseResult(GoldenCase Case, bool Passed, string? Failure);
