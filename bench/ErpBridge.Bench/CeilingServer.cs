using System.IO.Pipelines;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Bench;

/// <summary>
/// A minimal Kestrel endpoint that reads the request and returns the same receipt every time:
/// what this machine can do over HTTP when the SOAP work costs nothing.
/// </summary>
internal static class CeilingServer
{
    public const string Path = "/ErpBridgeService.svc";

    public static async Task RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        await using var app = builder.Build();
        app.MapPost(Path, (RequestDelegate)HandleAsync);
        await app.StartAsync();
        Console.WriteLine($"ceiling listening on {LoopbackUrl.ForCeiling(port)} (Ctrl+C to stop)");
        await app.WaitForShutdownAsync();
    }

    private static async Task HandleAsync(HttpContext context)
    {
        await DrainAsync(context.Request.BodyReader, context.RequestAborted);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = CeilingResponse.ContentType;
        response.ContentLength = CeilingResponse.Body.Length;
        await response.Body.WriteAsync(CeilingResponse.Body, context.RequestAborted);
    }

    private static async Task DrainAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                return;
            }
        }
    }
}
