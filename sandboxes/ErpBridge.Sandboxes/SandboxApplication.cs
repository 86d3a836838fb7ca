using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Sandboxes;

/// <summary>The web application every sandbox starts from.</summary>
internal static class SandboxApplication
{
    /// <summary>
    /// A slim builder without logging providers and without watching configuration files for changes: the sandboxes
    /// read no configuration files, and a watcher on the working folder would wake on every write of the bridge's own
    /// database and logs under it (one per sandbox).
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string url)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        return builder;
    }
}
