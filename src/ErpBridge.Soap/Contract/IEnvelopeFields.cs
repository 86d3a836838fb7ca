namespace ErpBridge.Soap.Contract;

/// <summary>The fields every submitted message starts with.</summary>
public interface IEnvelopeFields
{
    string MessageId { get; }

    string SentAt { get; }

    string SourceSystem { get; }
}
