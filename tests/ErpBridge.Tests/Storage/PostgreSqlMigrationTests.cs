using Dapper;
using ErpBridge.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace ErpBridge.Tests.Storage;

/// <summary>
/// PostgreSQL's migrations: the same versions as the other dialects', and nodes that start together on an empty
/// database migrate it once between them (the advisory lock), whichever of them creates the bookkeeping table.
/// </summary>
[TestFixture]
public sealed class PostgreSqlMigrationTests
{
    [Test]
    public void Migrations_SameVersionsAndNamesAsSqlite()
    {
        var postgres = MigrationRunner.Load(new PostgreSqlDialect()).Select(m => (m.Version, m.Name));

        Assert.That(postgres, Is.EqualTo(MigrationRunner.Load(new SqliteDialect()).Select(m => (m.Version, m.Name))));
    }

    [Test]
    public async Task Migrations_FourNodesStartingTogether_ApplyEachOnce()
    {
        await using var database = await StorageDatabase.CreateAsync(new StorageTarget("PostgreSql"), throughVersion: 0);
        await using (var connection = database.Dialect.CreateConnection(database.Options.ConnectionString))
        {
            await connection.ExecuteAsync("DROP TABLE schema_migrations");
        }

        using var start = new ManualResetEventSlim();
        var nodes = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            var runner = new MigrationRunner(database.Dialect, database.Options.ConnectionString, TimeProvider.System, NullLogger<MigrationRunner>.Instance);
            return await runner.ApplyAsync(CancellationToken.None);
        })).ToList();
        start.Set();
        var applied = await Task.WhenAll(nodes);

        var count = MigrationRunner.Load(database.Dialect).Count;
        Assert.That(applied.Sum(), Is.EqualTo(count), $"applied per node: {string.Join(", ", applied)}");
        await using var check = database.Dialect.CreateConnection(database.Options.ConnectionString);
        Assert.That(await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations"), Is.EqualTo(count));
        Assert.That(await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM idoc_audits"), Is.Zero, "the last migration's table is there");
    }
}
