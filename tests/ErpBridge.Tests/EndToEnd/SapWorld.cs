using ErpBridge.Sandboxes.Erp;
using ErpBridge.Tests.ErpPush;

namespace ErpBridge.Tests.EndToEnd;

/// <summary>
/// The store sandboxes and the bridge (<see cref="DeliveryWorld"/>) with the SAP-style ERP sandbox as the demo ERP
/// endpoint, which the Development configuration's demo SAP source sends its ALEAUD01 audits to (checked every 200 ms).
/// </summary>
public sealed class SapWorld : IAsyncDisposable
{
    private const string Password = "erp-e2e-password";

    private SapWorld(ErpSandbox erp, DeliveryWorld stores)
    {
        Erp = erp;
        Stores = stores;
    }

    public ErpSandbox Erp { get; }

    public DeliveryWorld Stores { get; }

    public static async Task<SapWorld> StartAsync(IDictionary<string, string?>? overrides = null)
    {
        var erp = await ErpSandbox.StartAsync(new ErpSandboxOptions { Password = Password, ContractFolder = ErpTestOrders.ContractFolder }, CancellationToken.None);
        try
        {
            var settings = new Dictionary<string, string?>(overrides ?? new Dictionary<string, string?>())
            {
                ["ErpBridge:ErpEndpoints:erp-demo:Url"] = erp.ServiceAddress.ToString(),
                ["ErpBridge:ErpEndpoints:erp-demo:UserName"] = erp.Options.UserName,
                ["ErpBridge:ErpEndpoints:erp-demo:Password"] = Password,
                ["ErpBridge:IdocAudits:Interval"] = "00:00:00.200",
            };
            return new SapWorld(erp, await DeliveryWorld.StartAsync(settings));
        }
        catch
        {
            await erp.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Stores.DisposeAsync();
        await Erp.DisposeAsync();
    }
}
