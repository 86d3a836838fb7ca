using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ErpBridge.Sandboxes.Erp;

/// <summary>
/// An SAP-style ERP order receiver on a real Kestrel server: the OrderReceiverService of wsdl/erp (ReceiveOrder and
/// ReceiveAudit, ALEAUD01 checked against its XSD, over SOAP 1.1 with HTTP Basic), exactly-once per MessageId, sales order numbers like 0000012345, and injected failures.
/// State and faults are reachable from code (tests) and over HTTP under <c>/_sandbox/</c> (the demo).
/// </summary>
public sealed class ErpSandbox : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ErpOrderBook book;
    private readonly ErpAuditBook audits;
    private readonly ErpFaultInjection faults = new();

    private ErpSandbox(WebApplication app, ErpSandboxOptions options)
    {
        this.app = app;
        Options = options;
        book = new ErpOrderBook(options.FirstDocumentNumber, options.TimeProvider);
        audits = new ErpAuditBook(options.TimeProvider);
    }

    public ErpSandboxOptions Options { get; }

    /// <summary>The server root, ending in '/'.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Where ReceiveOrder is posted (the endpoint address a client is configured with).</summary>
    public Uri ServiceAddress => new(BaseAddress, Options.ServicePath.TrimStart('/'));

    /// <summary>The served WSDL, addresses pointing at this server.</summary>
    public Uri WsdlAddress => new(ServiceAddress + "?wsdl");

    public static async Task<ErpSandbox> StartAsync(ErpSandboxOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.UserName);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Password);
        if (!options.ServicePath.StartsWith('/') || options.ServicePath.StartsWith("/_sandbox/", StringComparison.Ordinal))
        {
            throw new ArgumentException("ServicePath must start with '/' and lie outside /_sandbox/.", nameof(options));
        }

        var builder = SandboxApplication.CreateBuilder(options.Url);
        if (options.ServerCertificate is { } certificate)
        {
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate));
        }

        var app = builder.Build();
        var sandbox = new ErpSandbox(app, options);
        var receiver = new ErpReceiverEndpoint(options, sandbox.book, sandbox.audits, sandbox.faults, new ErpContractFiles(options.ContractFolder));
        var admin = new ErpSandboxAdminEndpoints(sandbox);
        app.Run(context =>
        {
            var path = context.Request.Path.Value ?? "";
            if (string.Equals(path.TrimEnd('/'), options.ServicePath.TrimEnd('/'), StringComparison.Ordinal))
            {
                return receiver.HandleAsync(context);
            }

            if (path.StartsWith("/_sandbox/", StringComparison.Ordinal))
            {
                return admin.HandleAsync(context, path["/_sandbox/".Length..]);
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sandbox.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return sandbox;
    }

    /// <summary>A consistent copy of the documents, of every hand-over answered and of every audit taken, oldest first.</summary>
    public ErpSandboxState State() => book.Snapshot() with { Audits = audits.Snapshot() };

    /// <summary>The next <paramref name="count"/> authenticated hand-overs get HTTP <paramref name="status"/> (e.g. 503) and are not processed.</summary>
    public void FailNext(int count, int status = 503) => faults.FailNext(count, status);

    /// <summary>The next <paramref name="count"/> authenticated hand-overs get this SOAP fault and are not processed.</summary>
    public void FailNext(int count, ErpSandboxFault fault) => faults.FailNext(count, fault);

    /// <summary>Every authenticated hand-over waits this long before it is processed; <see cref="TimeSpan.Zero"/> turns it off.</summary>
    public void Delay(TimeSpan delay) => faults.Delay = delay;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
