using ErpBridge.Host;
using ErpBridge.Soap;
using ErpBridge.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Serilog;

if (args is ["hash-secret", ..])
{
    return HashSecretCommand.Run(Console.In, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
var settings = HostSettings.Bind(builder.Configuration, builder.Environment.ContentRootPath);
var errors = settings.Validate();
var urls = ListenAddresses.Configured(builder.Configuration);
if (settings.Security.Clients.Any(c => c.Demo) && urls.FirstOrDefault(u => !ListenAddresses.IsLoopback(u)) is { } exposed)
{
    errors = [.. errors, $"ErpBridge:Security:Clients: the demo client is configured and the host would listen on {exposed}; remove the demo client or listen on 127.0.0.1 only."];
}

if (errors.Count > 0)
{
    Console.Error.WriteLine("ErpBridge cannot start; fix the configuration:");
    errors.ToList().ForEach(e => Console.Error.WriteLine("  " + e));
    return 2;
}

Log.Logger = SerilogSetup.Configure(new LoggerConfiguration(), settings.Logging).CreateLogger();
try
{
    builder.WebHost.UseUrls([.. urls]);
    builder.Services.AddSerilog();
    builder.Services.AddErpBridgeCore(settings.Bridge);
    builder.Services.AddErpBridgeStorage(settings.Storage);
    builder.Services.AddErpBridgeSoap(settings.Soap, settings.Security);

    var app = builder.Build();
    await app.Services.GetRequiredService<MigrationRunner>().ApplyAsync(CancellationToken.None);
    app.MapHealth();
    app.UseErpBridgeSoap();

    await app.StartAsync();
    foreach (var address in app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
    {
        Log.Information("ErpBridge is listening on {Address}; WSDL at {Wsdl}", address, address + settings.Soap.Path + "?wsdl");
        Console.WriteLine($"ErpBridge WSDL: {address}{settings.Soap.Path}?wsdl");
    }

    await app.WaitForShutdownAsync();
    return 0;
}
catch (Exception ex) when (ex is not OperationCanceledException)
{
    Log.Fatal(ex, "ErpBridge stopped on an unexpected error");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}
