using ErpBridge.Core.Delivery;

namespace ErpBridge.Host.OperatorConsole;

/// <summary>A dead letter as a form names it: the message, the channel and, for a failed item of a delivered message, the item.</summary>
public sealed record DeadLetterKey(string MessageId, string Channel, string? Item)
{
    public static DeadLetterKey Of(DeadLetter dead)
    {
        ArgumentNullException.ThrowIfNull(dead);
        return new DeadLetterKey(dead.MessageId, dead.Channel, dead.Item);
    }

    public static DeadLetterKey? Parse(string? value)
    {
        var parts = (value ?? "").Split('/');
        return parts.Length == 3 && parts[0].Length > 0 && parts[1].Length > 0
            ? new DeadLetterKey(Uri.UnescapeDataString(parts[0]), Uri.UnescapeDataString(parts[1]), parts[2].Length == 0 ? null : Uri.UnescapeDataString(parts[2]))
            : null;
    }

    public override string ToString() => $"{Uri.EscapeDataString(MessageId)}/{Uri.EscapeDataString(Channel)}/{Uri.EscapeDataString(Item ?? "")}";
}
