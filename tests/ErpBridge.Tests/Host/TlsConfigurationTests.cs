using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Host;

/// <summary>HTTPS from Kestrel's configuration with a certificate file, as docs/deployment.md describes it.</summary>
public sealed class TlsConfigurationTests
{
    [Test]
    public async Task KestrelHttpsEndpoint_CertificateFromPfxFile_ServesTheBridgeOverTls()
    {
        using var folder = new TempFolder();
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=erpbridge.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        var pfx = folder.File("erpbridge.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-password"));

        await using var bridge = await BridgeFixture.StartAsync(new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Https:Url"] = "https://127.0.0.1:0",
            ["Kestrel:Endpoints:Https:Certificate:Path"] = pfx,
            ["Kestrel:Endpoints:Https:Certificate:Password"] = "pfx-password",
        }, environment: "Production");
        X509Certificate2? presented = null;
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, served, _, _) =>
            {
                presented = served is null ? null : X509CertificateLoader.LoadCertificate(served.RawData);
                return served?.Thumbprint == certificate.Thumbprint;
            },
        };
        using var http = new HttpClient(handler);

        var live = await http.GetAsync(new Uri(bridge.BaseAddress, "health/live"));
        var wsdl = await http.GetStringAsync(new Uri(bridge.ServiceAddress + "?wsdl"));

        Assert.That(bridge.BaseAddress.Scheme, Is.EqualTo("https"), "the configured endpoint replaces urls");
        Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(presented?.Thumbprint, Is.EqualTo(certificate.Thumbprint));
        Assert.That(wsdl, Does.Contain($"https://127.0.0.1:{bridge.BaseAddress.Port}/ErpBridgeService.svc"));
        presented?.Dispose();
    }
}
