using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Storage;

/// <summary>Applies the dialect's embedded scripts that the database has not seen, each in its own transaction.</summary>
public sealed partial class MigrationRunner(SqlDialect dialect, string connectionString, TimeProvider time, ILogger<MigrationRunner> logger)
{
    public static IReadOnlyList<Migration> Load(SqlDialect dialect)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var prefix = $"Migrations/{dialect.MigrationFolder}/";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => Parse(n[prefix.Length..], QuartzTables.Expand(Read(assembly, n))))
            .OrderBy(m => m.Version)
            .ToList();
    }

    /// <summary>Applies the migrations not applied yet, up to <paramref name="throughVersion"/>; returns how many ran.</summary>
    public async Task<int> ApplyAsync(CancellationToken cancellationToken, int throughVersion = int.MaxValue)
    {
        await using var connection = await dialect.OpenAsync(connectionString, writer: true, cancellationToken);
        if (dialect.BeforeMigrations is { } before)
        {
            await connection.ExecuteAsync(new CommandDefinition(before, cancellationToken: cancellationToken));
        }

        try
        {
            return await ApplyEachAsync(connection, throughVersion, cancellationToken);
        }
        finally
        {
            // Pooled connections keep their settings: leave this one as the others are set.
            if (dialect.AfterMigrations is { } after)
            {
                await connection.ExecuteAsync(new CommandDefinition(after, cancellationToken: CancellationToken.None));
            }
        }
    }

    private async Task<int> ApplyEachAsync(DbConnection connection, int throughVersion, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(dialect.CreateMigrationTable, cancellationToken: cancellationToken));
        var migrations = Load(dialect);
        var newest = (await connection.QueryAsync<long>(new CommandDefinition(dialect.SelectAppliedMigrations, cancellationToken: cancellationToken))).DefaultIfEmpty().Max();
        var known = migrations[^1].Version;
        if (newest > known)
        {
            // An older build on a schema a newer one changed would read and write tables it does not know; a rollback
            // is a restore of the backup taken before the upgrade (deployment guide, "Rolling back").
            throw new SchemaTooNewException(
                $"The {dialect.Name} database has migration {newest} applied; this build knows migrations up to {known}. A newer ErpBridge has upgraded it: "
                + "run that version, or restore the backup taken before the upgrade to go back.");
        }

        var applied = 0;
        foreach (var migration in migrations.Where(m => m.Version <= throughVersion))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (dialect.MigrationLock is { } migrationLock)
            {
                await connection.ExecuteAsync(new CommandDefinition(migrationLock, transaction: transaction, cancellationToken: cancellationToken));
            }

            // Read inside the transaction (and lock): another node may have applied it meanwhile.
            var done = await connection.QueryAsync<long>(new CommandDefinition(dialect.SelectAppliedMigrations, transaction: transaction, cancellationToken: cancellationToken));
            if (done.Contains(migration.Version))
            {
                continue;
            }

            foreach (var batch in Batches(migration.Sql))
            {
                await connection.ExecuteAsync(new CommandDefinition(batch, transaction: transaction, cancellationToken: cancellationToken));
            }

            if (dialect.MigrationCheck is { } check)
            {
                var broken = (await connection.QueryAsync(new CommandDefinition(check, transaction: transaction, cancellationToken: cancellationToken))).ToList();
                if (broken.Count > 0)
                {
                    throw new InvalidOperationException(
                        $"{dialect.Name} migration {migration.Version} {migration.Name} left {broken.Count} row(s) that break a constraint, first: {broken[0]}. Nothing of it was applied.");
                }
            }

            await connection.ExecuteAsync(new CommandDefinition(
                dialect.InsertMigration,
                dialect.Parameters(new { migration.Version, migration.Name, AppliedAt = dialect.Time(time.GetUtcNow()) }),
                transaction,
                cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Applied {Dialect} migration {Version} {Name}", dialect.Name, migration.Version, migration.Name);
            applied++;
        }

        return applied;
    }

    /// <summary>Scripts are split on lines holding only GO, as SQL Server tools do.</summary>
    public static IEnumerable<string> Batches(string sql) =>
        GoLine().Split(sql).Where(b => !string.IsNullOrWhiteSpace(b));

    private static Migration Parse(string fileName, string sql)
    {
        var match = FileName().Match(fileName);
        if (!match.Success)
        {
            throw new InvalidOperationException($"Migration '{fileName}' is not named NNNN_name.sql.");
        }

        return new Migration(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value, sql);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Missing resource {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(\d{4})_([A-Za-z0-9_]+)\.sql$")]
    private static partial Regex FileName();

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoLine();
}
