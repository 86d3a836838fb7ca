using ErpBridge.Core.Alerts;
using ErpBridge.Storage;

namespace ErpBridge.Host.Alerts;

public static class AlertServiceCollectionExtensions
{
    /// <summary>
    /// Alert webhooks when ErpBridge:Alerts names any: the outbox store, the dead-letter sink the delivery rounds
    /// report to, the checks and the sender. Without webhooks nothing is added and the rounds keep their no-op sink.
    /// </summary>
    public static IServiceCollection AddErpBridgeAlerts(this IServiceCollection services, AlertOptions options)
    {
        if (!options.Enabled)
        {
            return services;
        }

        services.AddSingleton(options);
        services.AddSingleton<IAlertStore>(sp => new SqlAlertStore(sp.GetRequiredService<SqlDialect>(), sp.GetRequiredService<StorageOptions>(), sp.GetRequiredService<SqlMessageStore>()));
        services.AddSingleton<AlertPublisher>();
        services.AddSingleton<DeadLetterAlerts>();
        services.AddSingleton<IAlertSink>(sp => sp.GetRequiredService<DeadLetterAlerts>());
        services.AddSingleton<AlertChecks>();
        services.AddSingleton<AlertSender>();
        services.AddHostedService<AlertService>();
        return services;
    }
}
