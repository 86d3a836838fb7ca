using System.Data.Common;
using System.Text;
using System.Text.Json;
using ErpBridge.Core.Intake;

namespace ErpBridge.Storage;

/// <summary>
/// The accept of a whole batch in two statements (new messages; their deliveries), for dialects that
/// offer set-based SQL. Per-message statements cost more than the rows themselves on SQLite, so this is what lets
/// group commit keep up with the HTTP side. Within a batch the first copy of a MessageId wins, as across batches.
/// </summary>
internal sealed class AcceptBatchCommands : IDisposable
{
    private readonly SqlDialect dialect;
    private readonly DbConnection connection;
    private readonly DbCommand insertMessages;
    private readonly DbCommand insertDeliveries;

    public AcceptBatchCommands(SqlDialect dialect, DbConnection connection, string insertMessageBatch, string insertDeliveryBatch)
    {
        this.dialect = dialect;
        this.connection = connection;
        insertMessages = Create(insertMessageBatch);
        insertDeliveries = Create(insertDeliveryBatch);
    }

    public AcceptResult[] Accept(DbTransaction transaction, IReadOnlyList<AcceptRequest> batch)
    {
        insertMessages.Transaction = transaction;
        insertMessages.Parameters[0].Value = MessageRows(batch);
        var inserted = new Dictionary<string, long>(batch.Count, StringComparer.Ordinal);
        using (var reader = insertMessages.ExecuteReader())
        {
            while (reader.Read())
            {
                inserted.Add(reader.GetString(0), reader.GetInt64(1));
            }
        }

        var results = new AcceptResult[batch.Count];
        var accepted = new List<(AcceptRequest Request, long Sequence)>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var request = batch[i];
            if (inserted.Remove(request.Message.MessageId, out var sequence))
            {
                accepted.Add((request, sequence));
                results[i] = new AcceptResult(AcceptOutcome.Accepted, request.ReceivedAt, request.Channels);
            }
            else
            {
                results[i] = AcceptStatements.Existing(dialect, connection, transaction, request.Message.MessageId, request.Message.ContentHash);
            }
        }

        if (accepted.Any(a => a.Request.Channels.Count > 0))
        {
            insertDeliveries.Transaction = transaction;
            insertDeliveries.Parameters[0].Value = DeliveryRows(accepted);
            insertDeliveries.ExecuteNonQuery();
        }

        return results;
    }

    public void Dispose()
    {
        insertMessages.Dispose();
        insertDeliveries.Dispose();
    }

    private string MessageRows(IReadOnlyList<AcceptRequest> batch)
    {
        using var buffer = new MemoryStream(batch.Count * 2048);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var request in batch)
            {
                var m = request.Message;
                json.WriteStartObject();
                json.WriteString("id", m.MessageId);
                json.WriteString("type", m.Type.ToString());
                json.WriteString("doc", m.DocumentType);
                json.WriteString("src", m.SourceSystem);
                json.WriteString("client", request.Client);
                json.WriteString("sent", (string)dialect.Time(m.SentAt));
                json.WriteString("received", (string)dialect.Time(request.ReceivedAt));
                json.WriteString("hash", m.ContentHash);
                json.WriteString("cid", request.CorrelationId);
                json.WriteString("payload", m.Payload);
                if (request.Canonical is { } canonical)
                {
                    // Only raw documents have one; a missing key reads as NULL.
                    json.WriteString("canonical", canonical);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private string DeliveryRows(List<(AcceptRequest Request, long Sequence)> accepted)
    {
        using var buffer = new MemoryStream(accepted.Count * 128);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var (request, sequence) in accepted)
            {
                var time = (string)dialect.Time(request.ReceivedAt);
                foreach (var channel in request.Channels)
                {
                    json.WriteStartObject();
                    json.WriteNumber("s", sequence);
                    json.WriteString("m", request.Message.MessageId);
                    json.WriteString("c", channel);
                    json.WriteString("t", time);
                    json.WriteEndObject();
                }
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private DbCommand Create(string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = command.CreateParameter();
        rows.ParameterName = "@Rows";
        command.Parameters.Add(rows);
        return command;
    }
}
