using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Tests.Alerts;

/// <summary>
/// A webhook receiver on real Kestrel (127.0.0.1, port 0), as a PagerDuty- or Alertmanager-style relay would be: it
/// records every POST with its headers and body, and answers 500 to the first <see cref="FailFirst"/> of them.
/// </summary>
internal sealed class AlertReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private int seen;

    private AlertReceiver(WebApplication app) => this.app = app;

    public Uri Url { get; private set; } = null!;

    /// <summary>How many requests (from the first) are answered 500.</summary>
    public int FailFirst { get; set; }

    /// <summary>Every request, in arrival order, with the status it was answered.</summary>
    public ConcurrentQueue<ReceivedAlert> Requests { get; } = new();

    /// <summary>The requests answered 200.</summary>
    public IReadOnlyList<ReceivedAlert> Taken => Requests.Where(r => r.Status == 200).ToList();

    public static async Task<AlertReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new AlertReceiver(app);
        app.MapPost("/hooks/erpbridge", async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var status = Interlocked.Increment(ref receiver.seen) <= receiver.FailFirst ? 500 : 200;
            receiver.Requests.Enqueue(new ReceivedAlert(
                body,
                context.Request.Headers["X-ErpBridge-Signature"].ToString(),
                context.Request.Headers["X-ErpBridge-Alert-Id"].ToString(),
                context.Request.Headers["X-ErpBridge-Event"].ToString(),
                context.Request.ContentType ?? "",
                status));
            context.Response.StatusCode = status;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(address.TrimEnd('/') + "/hooks/erpbridge");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>One POST as the receiver saw it.</summary>
internal sealed record ReceivedAlert(string Body, string Signature, string AlertId, string Event, string ContentType, int Status)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
