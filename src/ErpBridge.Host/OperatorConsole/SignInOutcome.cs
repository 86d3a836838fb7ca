namespace ErpBridge.Host.OperatorConsole;

/// <summary>What a sign-in attempt came to; <see cref="Operator"/> only when it succeeded.</summary>
public sealed record SignInOutcome(bool Succeeded, bool Throttled, OperatorOptions? Operator);
