namespace ErpBridge.Core.Operators;

/// <summary>The audit trail of what operators did in the console, with their names.</summary>
public interface IOperatorActionStore
{
    Task RecordAsync(OperatorAction action, CancellationToken cancellationToken);

    /// <summary>The newest actions first, on one message and/or channel when given.</summary>
    Task<IReadOnlyList<OperatorAction>> ListAsync(string? messageId, string? channel, int limit, CancellationToken cancellationToken);
}
