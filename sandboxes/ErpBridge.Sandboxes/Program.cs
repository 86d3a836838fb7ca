using ErpBridge.Sandboxes;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The five platform sandboxes as a process of their own, for demos, benchmarks and tests whose stores must outlive a
// bridge process. Ctrl+C or SIGTERM stops them.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });

// This project's settings file only (never an appsettings.json that happens to lie beside the executable, such as the
// host's in a test folder), then environment variables and the command line. The keys are the ones a Debug host reads
// under ErpBridge:Sandboxes, so that build.ps1 and the README set them the same way for both.
builder.Configuration.Sources.Clear();
builder.Configuration
    .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "sandboxes.json"), optional: false, reloadOnChange: false)
    .AddEnvironmentVariables()
    .AddCommandLine(args);

var options = builder.Configuration.GetSection(SandboxOptions.Section).Get<SandboxOptions>() ?? new SandboxOptions();
var errors = options.Validate().ToList();
if (errors.Count > 0)
{
    Console.Error.WriteLine("The sandboxes cannot start; fix the configuration:");
    errors.ForEach(e => Console.Error.WriteLine("  " + e));
    return 2;
}

builder.Services.AddSingleton(options);
builder.Services.AddSingleton<SandboxHost>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<SandboxHost>());

using var host = builder.Build();
try
{
    await host.StartAsync();
}
catch (IOException ex) when (ex.InnerException is AddressInUseException)
{
    Console.Error.WriteLine($"The sandboxes cannot start: {ex.Message} Stop what uses the port, or set {SandboxOptions.Section}:<Platform>:Url to a free one (port 0 picks one).");
    return 2;
}

Console.WriteLine("ErpBridge sandboxes (stand-ins for the platforms, for tests and demos; not the real stores):");
foreach (var sandbox in host.Services.GetRequiredService<SandboxHost>().Served)
{
    Console.WriteLine("  " + sandbox);
}

await host.WaitForShutdownAsync();
return 0;
