using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Tests.Connectors;

/// <summary>A store on real Kestrel (127.0.0.1, port 0) that answers every request with what a test says, and records what came.</summary>
internal sealed class StubStore : IAsyncDisposable
{
    private readonly WebApplication app;

    private StubStore(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Every request as "METHOD path?query", with its Authorization header (or null), in arrival order.</summary>
    public ConcurrentQueue<(string Request, string? Authorization)> Requests { get; } = new();

    public static async Task<StubStore> StartAsync(Func<HttpContext, Task> answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        StubStore? store = null;
        app.Run(async context =>
        {
            store!.Requests.Enqueue(($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}", context.Request.Headers.Authorization.FirstOrDefault()));
            await answer(context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        store = new StubStore(app, new Uri(address.TrimEnd('/') + "/"));
        return store;
    }

    /// <summary>A store that answers every request with <paramref name="status"/> and the given headers.</summary>
    public static Task<StubStore> AnsweringAsync(int status, params (string Name, string Value)[] headers) =>
        StartAsync(context =>
        {
            context.Response.StatusCode = status;
            foreach (var (name, value) in headers)
            {
                context.Response.Headers[name] = value;
            }

            return context.Response.WriteAsync("{\"message\":\"stub\"}");
        });

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
