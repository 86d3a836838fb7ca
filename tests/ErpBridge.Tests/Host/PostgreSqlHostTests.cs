using System.Net;
using System.Xml.Linq;
using Dapper;
using ErpBridge.Storage;
using ErpBridge.Tests.Storage;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Host;

/// <summary>
/// The real host with Provider = PostgreSql: it migrates an empty database at start, answers healthy, and a message
/// submitted over SOAP is stored with its deliveries (read back from the database itself) and known as a duplicate.
/// </summary>
[TestFixture]
public sealed class PostgreSqlHostTests
{
    [Test]
    public async Task Host_OnPostgreSql_MigratesAcceptsAndKnowsTheDuplicate()
    {
        await using var database = await StorageDatabase.CreateAsync(new StorageTarget("PostgreSql"), throughVersion: 0);
        await using var bridge = await BridgeFixture.StartAsync(new Dictionary<string, string?>
        {
            ["ErpBridge:Storage:Provider"] = StorageOptions.PostgreSql,
            ["ErpBridge:Storage:ConnectionString"] = database.Options.ConnectionString,
        });
        using var http = new HttpClient { BaseAddress = bridge.BaseAddress };
        using var client = new SoapClient(bridge.ServiceAddress);

        var health = await http.GetAsync("health");
        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var id = Envelopes.NewId("PG");
        var accepted = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(id)));
        var again = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(id)));

        Assert.That((accepted.ReceiptStatus, again.ReceiptStatus), Is.EqualTo(("Accepted", "Duplicate")), accepted.Body);
        var channels = XDocument.Parse(accepted.Body).Descendants().Where(e => e.Name.LocalName == "Channel").Select(e => e.Value).ToList();
        Assert.That(channels, Is.Not.Empty, "the demo routes send stock to the demo stores");
        await using var connection = database.Dialect.CreateConnection(database.Options.ConnectionString);
        var stored = await connection.QueryAsync<string>("SELECT channel FROM deliveries WHERE message_id = @Id ORDER BY delivery_id", new { Id = id });
        Assert.That(stored, Is.EqualTo(channels));
        Assert.That(
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations"),
            Is.EqualTo(MigrationRunner.Load(database.Dialect).Count),
            "the host applied every migration");
    }
}
