using ErpBridge.Core.Status;

namespace ErpBridge.Core.Intake;

/// <summary>Durable storage of accepted messages. An implementation returns only after the commit.</summary>
public interface IMessageStore
{
    /// <summary>
    /// Stores the message and its deliveries atomically, keyed by MessageId: concurrent calls with the same
    /// MessageId produce exactly one <see cref="AcceptOutcome.Accepted"/>.
    /// </summary>
    Task<AcceptResult> AcceptAsync(AcceptRequest request, CancellationToken cancellationToken);

    Task<MessageStatusView?> GetStatusAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>Round-trips to the database; throws when it is unreachable.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
