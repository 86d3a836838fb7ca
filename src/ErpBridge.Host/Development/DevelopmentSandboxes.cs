using ErpBridge.Sandboxes;

namespace ErpBridge.Host.Development;

/// <summary>
/// Debug builds only (the host's project file leaves this folder and the sandboxes' assembly out of Release): in the
/// Development environment, with ErpBridge:Sandboxes:Enabled, the platform sandboxes start inside the bridge, so that
/// <c>dotnet run --project src/ErpBridge.Host</c> on a fresh checkout delivers somewhere (appsettings.Development.json
/// points the demo channels at them). Elsewhere they run as their own process: sandboxes/ErpBridge.Sandboxes.
/// </summary>
public static class DevelopmentSandboxes
{
    /// <summary>Registers the sandboxes' hosted service when they are wanted; returns their configuration problems.</summary>
    /// <remarks>Call it before the delivery services are added: hosted services start in order, and the sandboxes
    /// must answer when the first delivery runs.</remarks>
    public static IReadOnlyList<string> Add(WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SandboxOptions.Section).Get<SandboxOptions>() ?? new SandboxOptions();
        if (!builder.Environment.IsDevelopment() || !options.Enabled)
        {
            return [];
        }

        var errors = options.Validate().ToList();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<SandboxHost>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SandboxHost>());
        return errors;
    }
}
