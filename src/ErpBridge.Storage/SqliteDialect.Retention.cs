namespace ErpBridge.Storage;

public sealed partial class SqliteDialect
{
    // Deliveries are keyed by the message's sequence (see migration 0005).
    protected override string DeliveryOfMessageRow(string d, string m) => $"{d}.message_seq = {m}.message_seq";

    // The lower bound written as a range on received_at, so that the received_at index bounds the scan at both ends.
    public override string SelectDeliveredMessages =>
        $"""
        SELECT m.message_id AS MessageId, m.received_at AS ReceivedAt FROM messages AS m
        WHERE m.received_at >= @AfterAt AND (m.received_at > @AfterAt OR m.message_id > @AfterId)
          AND {DeliveredMessage("m")}
          AND m.message_id NOT IN (SELECT v.message_id FROM item_versions AS v)
        ORDER BY m.received_at, m.message_id LIMIT @Max
        """;
}
