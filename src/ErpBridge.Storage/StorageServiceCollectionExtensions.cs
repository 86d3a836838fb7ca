using ErpBridge.Core.Audits;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Intake;
using ErpBridge.Core.Operators;
using ErpBridge.Core.Orders;
using ErpBridge.Core.Reconciliation;
using ErpBridge.Core.Retention;
using ErpBridge.Core.Security;
using ErpBridge.Core.Status;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ErpBridge.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The dialect, the message store and the migration runner for the configured provider.</summary>
    public static IServiceCollection AddErpBridgeStorage(this IServiceCollection services, StorageOptions options)
    {
        SqlDialect dialect = options.Provider switch
        {
            StorageOptions.SqlServer => new SqlServerDialect(),
            StorageOptions.PostgreSql => new PostgreSqlDialect(),
            _ => new SqliteDialect(options.SqliteSynchronous),
        };
        if (dialect is SqliteDialect)
        {
            EnsureSqliteFolder(options.ConnectionString);
        }

        services.AddSingleton(options);
        services.AddSingleton(dialect);
        services.AddSingleton<SqlMessageStore>();
        services.AddSingleton<IMessageStore>(sp => sp.GetRequiredService<SqlMessageStore>());
        services.AddSingleton<IDeliveryStore>(sp => new SqlDeliveryStore(dialect, options, sp.GetRequiredService<SqlMessageStore>()));
        services.AddSingleton<IReconciliationStore>(sp => new SqlReconciliationStore(dialect, options, sp.GetRequiredService<SqlMessageStore>()));
        services.AddSingleton<IOrderStore>(sp => new SqlOrderStore(dialect, options, sp.GetRequiredService<SqlMessageStore>()));
        services.AddSingleton<IIdocAuditStore>(sp => new SqlIdocAuditStore(dialect, options, sp.GetRequiredService<SqlMessageStore>()));
        services.AddSingleton<IRetentionStore>(sp => new SqlRetentionStore(dialect, options, sp.GetRequiredService<SqlMessageStore>()));
        services.AddSingleton<INonceStore>(sp => new SqlNonceStore(dialect, options, sp.GetRequiredService<SqlMessageStore>()));
        services.AddSingleton<IPriceDraftStore>(sp => new SqlPriceDraftStore(dialect, options, sp.GetRequiredService<SqlMessageStore>()));
        services.AddSingleton(sp => new SqlConsoleStore(dialect, options, sp.GetRequiredService<SqlMessageStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IOperatorActionStore>(sp => sp.GetRequiredService<SqlConsoleStore>());
        services.AddSingleton<IMessageBrowser>(sp => sp.GetRequiredService<SqlConsoleStore>());
        services.AddSingleton<IOrderBrowser>(sp => sp.GetRequiredService<SqlConsoleStore>());
        services.AddSingleton<IRunBrowser>(sp => sp.GetRequiredService<SqlConsoleStore>());
        services.AddSingleton<IConsoleKeyStore>(sp => new SqlConsoleKeyStore(dialect, options, sp.GetRequiredService<SqlMessageStore>()));
        services.AddSingleton<IMonitoringStore>(sp => new SqlMonitoringStore(dialect, options, sp.GetRequiredService<SqlMessageStore>()));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<MigrationRunner>(sp, options.ConnectionString));
        return services;
    }

    /// <summary>SQLite creates the file on first use, but not the folders above it.</summary>
    private static void EnsureSqliteFolder(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(source));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
