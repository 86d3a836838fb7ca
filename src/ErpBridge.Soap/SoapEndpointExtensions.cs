using System.ServiceModel.Channels;
using System.Text;
using ErpBridge.Core.Orders;
using ErpBridge.Core.Security;
using ErpBridge.Soap.Contract;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SoapCore;
using SoapCore.Extensibility;

namespace ErpBridge.Soap;

public static class SoapEndpointExtensions
{
    /// <summary>The SOAP service, its gate and its fault transformer. Needs an IntakeService and an IMessageStore.</summary>
    public static IServiceCollection AddErpBridgeSoap(this IServiceCollection services, SoapOptions options, SecurityOptions security)
    {
        var schemas = new ContractSchemas(options.ContractFolder);
        services.AddSingleton(options);
        services.AddSingleton(schemas);
        services.AddSingleton<OperationCatalog>();
        services.AddSingleton<IntakeDispatch>();
        services.TryAddSingleton<AuthenticationCounters>();
        // The shared nonce store, where storage registered one: a digest token is then used once across nodes and restarts.
        services.AddSingleton(sp => new ClientAuthenticator(security, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<AuthenticationCounters>(), sp.GetService<INonceStore>()));
        services.AddSingleton<EnvelopeInspector>();
        services.AddHttpContextAccessor();
        services.AddSoapCore();
        services.AddSingleton<IFaultExceptionTransformer, FaultTransformer>();
        services.TryAddSingleton(OrderFetchSettings.Default);
        services.AddScoped<ErpBridgeService>();
        return services;
    }

    /// <summary>The gate, then SoapCore serving the operations and the hand-written WSDL verbatim.</summary>
    public static IApplicationBuilder UseErpBridgeSoap(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<SoapOptions>();
        var folder = app.ApplicationServices.GetRequiredService<ContractSchemas>().Folder;
        app.UseMiddleware<EnvelopeGate>();
        app.UseSoapEndpoint<ErpBridgeService>(soap =>
        {
            soap.Path = options.Path;
            soap.SoapSerializer = SoapSerializer.XmlSerializer;
            soap.EncoderOptions =
            [
                new SoapEncoderOptions { MessageVersion = MessageVersion.Soap11, WriteEncoding = new UTF8Encoding(false) },
                new SoapEncoderOptions { MessageVersion = MessageVersion.CreateVersion(System.ServiceModel.EnvelopeVersion.Soap12, AddressingVersion.None), WriteEncoding = new UTF8Encoding(false) },
            ];
            soap.CaseInsensitivePath = true;
            soap.IndentXml = false;
            soap.WsdlFileOptions = new WsdlFileOptionsCaseInsensitive
            {
                AppPath = folder,
                WebServiceWSDLMapping =
                {
                    [options.Path.Replace("/", "", StringComparison.Ordinal)] = new WebServiceWSDLMapping
                    {
                        WsdlFile = "ErpBridgeService.wsdl",
                        WSDLFolder = ".",
                        SchemaFolder = ".",
                    },
                },
            };
        });
        return app;
    }

    /// <summary>The service contract type the WSDL describes (for clients and tests).</summary>
    public static Type ContractType => typeof(IErpBridgeService);
}
