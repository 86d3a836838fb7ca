using ErpBridge.Core.Operators;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace ErpBridge.Host.OperatorConsole;

/// <summary>The operator console: its sign-in (a cookie scheme of its own, separate from the ERP clients) and its pages under /console.</summary>
public static class ConsoleServiceCollectionExtensions
{
    public const string PathBase = "/console";

    public static IServiceCollection AddErpBridgeConsole(this IServiceCollection services, ConsoleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.AddSingleton<OperatorSignIn>();
        services.AddSingleton<ConsoleOverview>();
        services.AddSingleton<ConsoleActivity>();
        services.AddHostedService(sp => sp.GetRequiredService<ConsoleActivity>());
        var protection = services.AddDataProtection().SetApplicationName("ErpBridge");
        if (options.KeysFolder is { } folder)
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(folder));
        }
        else
        {
            // In the database by default: shared by every node, kept across restarts, in the database's backups.
            services.AddOptions<KeyManagementOptions>()
                .Configure<IConsoleKeyStore, TimeProvider>((keys, store, time) => keys.XmlRepository = new DatabaseKeyRepository(store, time));
        }

        services.AddAuthentication()
            .AddCookie(ConsoleAuthorization.Scheme, cookie =>
            {
                cookie.LoginPath = PathBase + "/sign-in";
                cookie.AccessDeniedPath = PathBase + "/denied";
                cookie.Cookie.Name = "ErpBridge.Console";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = options.SessionIdleTimeout;
                cookie.SlidingExpiration = true;
                cookie.Events = new CookieAuthenticationEvents
                {
                    // A page of the console sends the browser to the sign-in page; anything else (/status, /metrics)
                    // answers 401 as an API does.
                    OnRedirectToLogin = context => Challenge(context, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = context => Challenge(context, StatusCodes.Status403Forbidden),
                };
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(ConsoleAuthorization.ViewerPolicy, policy => policy.AddAuthenticationSchemes(ConsoleAuthorization.Scheme).RequireAuthenticatedUser())
            .AddPolicy(ConsoleAuthorization.OperatorPolicy, policy => policy.AddAuthenticationSchemes(ConsoleAuthorization.Scheme).RequireRole(nameof(OperatorRole.Operator)));
        services.AddRazorPages(pages =>
            {
                pages.RootDirectory = "/OperatorConsole/Pages";
                pages.Conventions.AuthorizeFolder("/", ConsoleAuthorization.ViewerPolicy);
                pages.Conventions.AllowAnonymousToPage("/SignIn");
            })
            // Tests and services start the host from another entry assembly: name the assembly that holds the pages.
            .AddApplicationPart(typeof(ConsoleOptions).Assembly);
        return services;
    }

    /// <summary>Authentication, authorization and the console's pages; after the SOAP endpoint, which never needs them.</summary>
    public static void UseErpBridgeConsole(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
    }

    private static Task Challenge(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments(PathBase, StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Redirect(context.RedirectUri);
        }
        else
        {
            context.Response.StatusCode = status;
        }

        return Task.CompletedTask;
    }
}
