namespace ErpBridge.Host;

/// <summary>Running under a service manager: the Windows service control manager or systemd.</summary>
public static class ServiceHosting
{
    /// <summary>The service name the Windows lifetime reports as (and the docs install under).</summary>
    public const string WindowsServiceName = "ErpBridge";

    /// <summary>
    /// The Windows service lifetime (start and stop requests of the service control manager, the event log) and the
    /// systemd one (READY=1 and STOPPING=1 for Type=notify, SIGTERM as a stop). Each applies only when the process
    /// was started by that service manager; run from a shell, the console lifetime stays.
    /// </summary>
    public static IServiceCollection AddErpBridgeServiceHosting(this IServiceCollection services) =>
        services
            .AddWindowsService(options => options.ServiceName = WindowsServiceName)
            .AddSystemd();
}
