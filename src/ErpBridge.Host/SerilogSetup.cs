using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Settings.Configuration;

namespace ErpBridge.Host;

/// <summary>
/// The whole logging pipeline in one place: compact JSON to the console and to a rolling file, then whatever the
/// configuration's "Serilog" section adds or changes (levels, sinks, enrichers), then the secret masking, always.
/// </summary>
public static class SerilogSetup
{
    /// <summary>The configuration section Serilog.Settings.Configuration reads.</summary>
    public const string Section = "Serilog";

    /// <summary>Serilog as the host's logger; for an operator command, warnings and worse only, on standard error.</summary>
    /// <param name="configuration">The host's configuration, whose "Serilog" section changes levels and sinks without a rebuild.</param>
    /// <param name="contentRoot">The install folder: relative paths of sinks the section adds are taken from it.</param>
    public static IServiceCollection AddErpBridgeLogging(this IServiceCollection services, LoggingOptions options, IConfiguration configuration, string contentRoot, bool operatorCommand)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (operatorCommand)
        {
            options.MinimumLevel = LogEventLevel.Warning;
        }

        // An operator command keeps its quiet standard error: the section's levels and sinks are the bridge's.
        var logger = Configure(new LoggerConfiguration(), options, operatorCommand ? null : configuration, contentRoot, consoleToStandardError: operatorCommand);
        return services.AddSerilog(logger.CreateLogger(), dispose: true);
    }

    /// <param name="configuration">
    /// Read after the defaults, so that its "Serilog" section wins over them (MinimumLevel:Default, MinimumLevel:Override,
    /// WriteTo, Enrich); null reads nothing.
    /// </param>
    /// <param name="contentRoot">The folder a relative <c>path</c> argument of a sink in the section is taken from.</param>
    /// <param name="consoleToStandardError">
    /// Console events go to standard error (operator commands), so that standard output holds only what the command
    /// prints, such as its --json document.
    /// </param>
    public static LoggerConfiguration Configure(LoggerConfiguration logger, LoggingOptions options, IConfiguration? configuration = null, string? contentRoot = null, bool consoleToStandardError = false)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(options);
        logger
            .MinimumLevel.Is(options.MinimumLevel)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .MinimumLevel.Override("System.Net.Http", LogEventLevel.Warning)

            // SoapCore logs a line per request at Information; that alone halves throughput.
            .MinimumLevel.Override("SoapCore", LogEventLevel.Warning)
            // Quartz narrates every scheduler step at Information; its warnings and errors still come through.
            .MinimumLevel.Override("Quartz", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(new RenderedCompactJsonFormatter(), standardErrorFromLevel: consoleToStandardError ? LogEventLevel.Verbose : null);
        if (!string.IsNullOrWhiteSpace(options.File))
        {
            logger.WriteTo.File(new RenderedCompactJsonFormatter(), options.File, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14, buffered: false, shared: true);
        }

        if (configuration is not null && configuration.GetSection(Section).Exists())
        {
            logger.ReadFrom.Configuration(Rooted(configuration, contentRoot), new ConfigurationReaderOptions { SectionName = Section });
        }

        // Added last, so that it runs after every enricher the section adds; enrichers run before any sink sees an
        // event, so no sink (the section's included) receives a secret.
        return logger.Enrich.With<SecretMaskingEnricher>();
    }

    /// <summary>The configuration with every relative <c>path</c> argument under the section taken from <paramref name="contentRoot"/>.</summary>
    private static IConfiguration Rooted(IConfiguration configuration, string? contentRoot)
    {
        if (contentRoot is null)
        {
            return configuration;
        }

        var paths = configuration.GetSection(Section).AsEnumerable()
            .Where(setting => setting.Key.EndsWith(":Args:path", StringComparison.OrdinalIgnoreCase)
                && !string.IsNullOrWhiteSpace(setting.Value) && !Path.IsPathRooted(setting.Value))
            .ToDictionary(setting => setting.Key, setting => (string?)Path.GetFullPath(setting.Value!, contentRoot));
        return paths.Count == 0
            ? configuration
            : new ConfigurationBuilder().AddConfiguration(configuration, shouldDisposeConfiguration: false).AddInMemoryCollection(paths).Build();
    }
}
