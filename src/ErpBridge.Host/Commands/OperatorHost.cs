using ErpBridge.Storage;

namespace ErpBridge.Host.Commands;

/// <summary>
/// The bridge's services for one command: the same configuration and database as the bridge, built but never started.
/// The database must already exist: a command run from the wrong folder would otherwise create an empty one and
/// report that there is nothing in it.
/// </summary>
public static class OperatorHost
{
    /// <summary>Runs <paramref name="action"/> on the bridge's services, or returns the exit code of why they could not be built.</summary>
    /// <param name="withoutDatabase">The command reads and writes no stored data (dry-run): it runs on an empty in-memory store instead.</param>
    public static async Task<int> RunAsync(CommandContext context, string command, Func<IServiceProvider, Task<int>> action, bool withoutDatabase = false)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (app, code) = await OpenAsync(context, command, withoutDatabase);
        if (app is null)
        {
            return code;
        }

        await using (app)
        {
            return await action(app.Services);
        }
    }

    /// <summary>The built host, or null and the exit code after the reason was written to the error writer.</summary>
    private static async Task<(WebApplication? App, int ExitCode)> OpenAsync(CommandContext context, string command, bool withoutDatabase)
    {
        ArgumentNullException.ThrowIfNull(context);
        var configure = context.Configure;
        if (withoutDatabase)
        {
            configure = config =>
            {
                context.Configure?.Invoke(config);
                config.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    [$"{StorageOptions.Section}:Provider"] = "Sqlite",
                    [$"{StorageOptions.Section}:ConnectionString"] = "Data Source=:memory:",
                });
            };
        }
        else if (DatabaseOf(context.Configure) is ({ } path, var folder) && !File.Exists(path))
        {
            context.Error.WriteLine($"{command}: no database at '{path}' (ErpBridge:Storage:ConnectionString; a relative path is taken from the install folder, {folder}). Point the connection string at the bridge's database (the same configuration the bridge runs with: {ConfigFile.Variable}, environment variables); nothing was created.");
            return (null, ExitCodes.DatabaseNotFound);
        }

        var (app, errors) = await BridgeHost.BuildAsync([], configure, operatorCommand: true);
        if (app is null)
        {
            context.Error.WriteLine("The configuration has problems:");
            foreach (var error in errors)
            {
                context.Error.WriteLine("  " + error);
            }

            return (null, ExitCodes.Usage);
        }

        return (app, ExitCodes.Done);
    }

    /// <summary>
    /// The SQLite file of the storage section read from the same sources, in the same order, as
    /// <see cref="BridgeHost.BuildAsync"/> reads them, resolved against the same folder (null for a server database).
    /// </summary>
    private static (string? Path, string Folder) DatabaseOf(Action<IConfigurationBuilder>? configure)
    {
        var builder = BridgeHost.CreateBuilder([], configure);
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        return (DatabaseFile.PathOf(storage, builder.Environment.ContentRootPath), builder.Environment.ContentRootPath);
    }
}
