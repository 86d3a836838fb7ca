using ErpBridge.Host;
using ErpBridge.Soap;

// A recognised first word is an operator command (or help); anything else, such as --urls or
// --ErpBridge:Storage:ConnectionString=..., is the bridge's own configuration.
if (OperatorCommands.IsCommand(args))
{
    return await OperatorCommands.RunAsync(args, Console.In, Console.Out, Console.Error);
}

var (app, errors) = await BridgeHost.BuildAsync(args);
if (app is null)
{
    Console.Error.WriteLine("ErpBridge cannot start; fix the configuration:");
    foreach (var error in errors)
    {
        Console.Error.WriteLine("  " + error);
    }

    return 2;
}

await using (app)
{
    var logger = app.Logger;
    try
    {
        await app.StartAsync();
        var path = app.Services.GetRequiredService<SoapOptions>().Path;
        foreach (var address in BridgeHost.Addresses(app))
        {
            logger.LogInformation("ErpBridge is listening on {Address}; WSDL at {Wsdl}", address, $"{address}{path}?wsdl");
            Console.WriteLine($"ErpBridge WSDL: {address}{path}?wsdl");
        }

        await app.WaitForShutdownAsync();
        return 0;
    }
    catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
    {
        // Another bridge (or anything else) holds the port of the service or of a sandbox.
        logger.LogCritical("ErpBridge cannot start: {Reason}", ex.Message);
        Console.Error.WriteLine($"ErpBridge cannot start: {ex.Message} Stop what uses it, or set urls (in Development also ErpBridge:Sandboxes:<Platform>:Url) to free ports.");
        return 2;
    }
    catch (Exception ex) when (ex is not OperationCanceledException)
    {
        logger.LogCritical(ex, "ErpBridge stopped on an unexpected error");
        return 1;
    }
}
