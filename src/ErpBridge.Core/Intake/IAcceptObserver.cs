namespace ErpBridge.Core.Intake;

/// <summary>Told after a message was committed for channels, so that delivery can start at once instead of at its next poll. Must not block.</summary>
public interface IAcceptObserver
{
    void Accepted(IReadOnlyList<string> channels);
}
