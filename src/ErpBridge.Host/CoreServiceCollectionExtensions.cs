using ErpBridge.Core.Intake;
using ErpBridge.Core.Routing;

namespace ErpBridge.Host;

public static class CoreServiceCollectionExtensions
{
    public static IServiceCollection AddErpBridgeCore(this IServiceCollection services, BridgeOptions options)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton<Router>();
        services.AddSingleton<ShipmentRouter>();
        services.AddSingleton<IntakeService>();
        return services;
    }
}
