using System.Globalization;
using System.Xml.Linq;
using ErpBridge.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ErpBridge.Tests.Soap.Interop.Independent;

/// <summary>What every independent client must show against the real bridge, whatever its language.</summary>
public static class IndependentClientChecks
{
    public const string Soap11Port = "ErpBridgeServiceSoap11";
    public const string Soap12Port = "ErpBridgeServiceSoap12";

    private static readonly string[] RoutedChannels = Support.DemoChannels.Routed;

    /// <summary>The WSDL URL the bridge serves; clients are generated from it, never from the file in wsdl/.</summary>
    public static string ServedWsdl(BridgeFixture bridge) => bridge.ServiceAddress + "?wsdl";

    public static string EnvelopeNamespaceOf(string port) => port == Soap11Port ? Envelopes.Soap11 : Envelopes.Soap12;

    /// <summary>
    /// submit: Accepted for the routed channels; repeat: Duplicate with the same ReceivedAt; conflict (same MessageId,
    /// other content): the typed fault with Code MessageIdConflict. And the bridge stored the fields the client sent.
    /// </summary>
    public static async Task AssertSubmitRepeatConflictAsync(BridgeFixture bridge, ClientRun run, string port, string messageId)
    {
        AssertSpokeServedPort(bridge, run, port);

        var submit = run.Step("submit").Receipt;
        var repeat = run.Step("repeat").Receipt;
        var conflict = run.Step("conflict").Fault;
        Assert.That(submit, Is.Not.Null, "submit ended in a fault: " + run.Step("submit").Fault);
        Assert.That(repeat, Is.Not.Null, "repeat ended in a fault: " + run.Step("repeat").Fault);
        Assert.That(conflict, Is.Not.Null, "conflict ended in a receipt: " + run.Step("conflict").Receipt);

        Assert.Multiple(() =>
        {
            Assert.That(submit!.Status, Is.EqualTo("Accepted"));
            Assert.That(submit.MessageId, Is.EqualTo(messageId));
            Assert.That(submit.Channels, Is.EqualTo(RoutedChannels));
            Assert.That(DateTimeOffset.Parse(submit.ReceivedAt!, CultureInfo.InvariantCulture), Is.EqualTo(TimeProvider.System.GetUtcNow()).Within(TimeSpan.FromMinutes(5)));

            Assert.That(repeat!.Status, Is.EqualTo("Duplicate"));
            Assert.That(repeat.MessageId, Is.EqualTo(messageId));
            Assert.That(repeat.ReceivedAt, Is.EqualTo(submit.ReceivedAt));
            Assert.That(repeat.Channels, Is.EqualTo(RoutedChannels));

            Assert.That(conflict!.Typed, Is.True, "the fault did not arrive as the declared ErpBridgeFault: " + conflict);
            Assert.That(conflict.Detail?.Code, Is.EqualTo("MessageIdConflict"));
            Assert.That(conflict.Detail?.Reason, Does.Contain(messageId));
            Assert.That(conflict.Detail?.CorrelationId, Is.Not.Null.And.Not.Empty);
        });

        // The fields the generated code serialized arrived whole, in the right namespaces; the conflicting content did not replace them.
        var stored = await ReadStoredAsync(bridge, messageId);
        Assert.That(stored, Is.Not.Null, "the bridge stored no message " + messageId);
        Assert.Multiple(() =>
        {
            Assert.That(stored!.SourceSystem, Is.EqualTo("SAP-ECC"));
            Assert.That(stored.SentAt, Is.EqualTo("2026-11-26T10:00:00.0000000Z"));
            Assert.That(stored.Items, Is.EqualTo(new[] { ("MAT-1001", "WH01", 10), ("MAT-1002", "WH01", 20) }), stored.Payload);
            Assert.That(stored.Deliveries, Is.EqualTo(RoutedChannels.Length));
        });
    }

    /// <summary>Every step refused with the typed AuthenticationFailed fault, and nothing stored.</summary>
    public static async Task AssertAuthenticationFailedAsync(BridgeFixture bridge, ClientRun run, string port, string messageId)
    {
        AssertSpokeServedPort(bridge, run, port);
        Assert.That(run.Steps, Has.Count.EqualTo(3));
        Assert.Multiple(() =>
        {
            foreach (var step in run.Steps)
            {
                Assert.That(step.Receipt, Is.Null, step.Step + " was accepted with a wrong password");
                Assert.That(step.Fault?.Typed, Is.True, step.Step + ": the fault did not arrive as the declared ErpBridgeFault: " + step.Fault);
                Assert.That(step.Fault?.Detail?.Code, Is.EqualTo("AuthenticationFailed"), step.Step);
                Assert.That(step.Fault?.Detail?.Reason, Is.EqualTo("Authentication failed."), step.Step);
            }
        });
        Assert.That(await ReadStoredAsync(bridge, messageId), Is.Null);
    }

    /// <summary>The client used the port it was asked for, at the address the served WSDL gives (the file says localhost:5080), in that port's SOAP version.</summary>
    private static void AssertSpokeServedPort(BridgeFixture bridge, ClientRun run, string port)
    {
        Assert.Multiple(() =>
        {
            Assert.That(run.Port, Is.EqualTo(port));
            Assert.That(run.Address, Is.EqualTo(bridge.ServiceAddress.ToString()));
            Assert.That(run.EnvelopeNamespaces, Has.Count.EqualTo(3).And.All.EqualTo(EnvelopeNamespaceOf(port)));
        });
    }

    private static async Task<StoredMessage?> ReadStoredAsync(BridgeFixture bridge, string messageId)
    {
        await using var connection = new SqliteConnection($"Data Source={bridge.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT source_system, sent_at, payload, (SELECT COUNT(*) FROM deliveries d WHERE d.message_id = m.message_id) FROM messages m WHERE message_id = @id";
        command.Parameters.AddWithValue("@id", messageId);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        var payload = reader.GetString(2);
        XNamespace inv = "urn:erpbridge:inventory:v1";
        var items = XDocument.Parse(payload).Descendants(inv + "Item")
            .Select(i => ((string?)i.Element(inv + "Sku"), (string?)i.Element(inv + "Location"), (int?)i.Element(inv + "Quantity") ?? -1))
            .ToArray();
        return new StoredMessage(reader.GetString(0), reader.GetString(1), payload, items, reader.GetInt64(3));
    }

    private sealed record StoredMessage(string SourceSystem, string SentAt, string Payload, (string?, string?, int)[] Items, long Deliveries);
}
