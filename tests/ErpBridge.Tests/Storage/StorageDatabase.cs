using ErpBridge.Storage;
using ErpBridge.Tests.Support;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ErpBridge.Tests.Storage;

/// <summary>A fresh, migrated database of one dialect, removed again on dispose.</summary>
public sealed class StorageDatabase : IAsyncDisposable
{
    private readonly Func<Task> drop;

    private StorageDatabase(SqlDialect dialect, StorageOptions options, Func<Task> drop)
    {
        Dialect = dialect;
        Options = options;
        this.drop = drop;
    }

    public SqlDialect Dialect { get; }

    public StorageOptions Options { get; }

    /// <summary>A fresh database of the target's dialect, migrated up to <paramref name="throughVersion"/>.</summary>
    public static async Task<StorageDatabase> CreateAsync(StorageTarget target, int throughVersion = int.MaxValue)
    {
        StorageDatabase database;
        if (target.Name == "Sqlite")
        {
            var folder = new TempFolder();
            var options = new StorageOptions { Provider = "Sqlite", ConnectionString = $"Data Source={folder.File("store.db")}" };
            database = new StorageDatabase(new SqliteDialect(options.SqliteSynchronous), options, () =>
            {
                folder.Dispose();
                return Task.CompletedTask;
            });
        }
        else if (target.Name == "PostgreSql")
        {
            database = await CreatePostgreSqlAsync();
        }
        else
        {
            var server = Environment.GetEnvironmentVariable(StorageTarget.SqlServerVariable);
            if (string.IsNullOrWhiteSpace(server))
            {
                Assert.Ignore($"SQL Server suite skipped: set {StorageTarget.SqlServerVariable} to a connection string with rights to create databases.");
            }

            var name = "erpbridge_test_" + Guid.NewGuid().ToString("N")[..12];
            await ExecuteOnMasterAsync(server!, $"CREATE DATABASE [{name}]");
            var options = new StorageOptions { Provider = "SqlServer", ConnectionString = new SqlConnectionStringBuilder(server) { InitialCatalog = name }.ConnectionString };
            database = new StorageDatabase(new SqlServerDialect(), options, async () =>
            {
                SqlConnection.ClearAllPools();
                await ExecuteOnMasterAsync(server!, $"ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}]");
            });
        }

        await database.Migrator().ApplyAsync(CancellationToken.None, throughVersion);
        return database;
    }

    public MigrationRunner Migrator() => new(Dialect, Options.ConnectionString, TimeProvider.System, NullLogger<MigrationRunner>.Instance);

    public SqlMessageStore CreateStore() => new(Dialect, Options, NullLogger<SqlMessageStore>.Instance);

    public async ValueTask DisposeAsync() => await drop();

    /// <summary>The PostgreSQL server given to the tests; skips the test without one, fails it in CI, where there always is one.</summary>
    public static string PostgreSqlServer()
    {
        var server = Environment.GetEnvironmentVariable(StorageTarget.PostgreSqlVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            var reason = $"PostgreSQL suite skipped: set {StorageTarget.PostgreSqlVariable} to an Npgsql connection string with rights to create databases.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"{reason} In CI it must run: .ci/run starts a PostgreSQL cluster and sets it.");
            }

            Assert.Ignore(reason);
        }

        return server!;
    }

    private static async Task<StorageDatabase> CreatePostgreSqlAsync()
    {
        var server = PostgreSqlServer();
        var name = "erpbridge_test_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteOnPostgresAsync(server, $"CREATE DATABASE {name}");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        var options = new StorageOptions { Provider = StorageOptions.PostgreSql, ConnectionString = connectionString };
        return new StorageDatabase(new PostgreSqlDialect(), options, async () =>
        {
            // The pool of this database's connections goes with it; FORCE ends any connection still open.
            await using (var pooled = new NpgsqlConnection(connectionString))
            {
                NpgsqlConnection.ClearPool(pooled);
            }

            await ExecuteOnPostgresAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        });
    }

    private static async Task ExecuteOnPostgresAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task ExecuteOnMasterAsync(string server, string sql)
    {
        await using var connection = new SqlConnection(new SqlConnectionStringBuilder(server) { InitialCatalog = "master" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new SqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
