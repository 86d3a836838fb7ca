using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace ErpBridge.Host;

/// <summary>The whole logging pipeline in one place: compact JSON to the console and to a rolling file.</summary>
public static class SerilogSetup
{
    /// <summary>Serilog as the host's logger; for an operator command, warnings and worse only, on standard error.</summary>
    public static IServiceCollection AddErpBridgeLogging(this IServiceCollection services, LoggingOptions options, bool operatorCommand)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (operatorCommand)
        {
            options.MinimumLevel = LogEventLevel.Warning;
        }

        return services.AddSerilog(Configure(new LoggerConfiguration(), options, consoleToStandardError: operatorCommand).CreateLogger(), dispose: true);
    }

    /// <param name="consoleToStandardError">
    /// Console events go to standard error (operator commands), so that standard output holds only what the command
    /// prints, such as its --json document.
    /// </param>
    public static LoggerConfiguration Configure(LoggerConfiguration logger, LoggingOptions options, bool consoleToStandardError = false)
    {
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
            .Enrich.With<SecretMaskingEnricher>()
            .WriteTo.Console(new RenderedCompactJsonFormatter(), standardErrorFromLevel: consoleToStandardError ? LogEventLevel.Verbose : null);
        if (!string.IsNullOrWhiteSpace(options.File))
        {
            logger.WriteTo.File(new RenderedCompactJsonFormatter(), options.File, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14, buffered: false, shared: true);
        }

        return logger;
    }
}
