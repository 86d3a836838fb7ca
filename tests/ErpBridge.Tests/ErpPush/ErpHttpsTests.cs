using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ErpBridge.Core.Delivery;
using ErpBridge.ErpPush;
using ErpBridge.Sandboxes.Erp;

namespace ErpBridge.Tests.ErpPush;

/// <summary>Basic credentials over HTTPS, as the pusher must run against a real ERP: a sandbox with a self-signed certificate, trusted by pinning it.</summary>
[TestFixture]
public sealed class ErpHttpsTests
{
    private X509Certificate2 certificate = null!;
    private ErpSandbox sandbox = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        certificate = SelfSigned();
        sandbox = await ErpSandbox.StartAsync(
            new ErpSandboxOptions { Url = "https://127.0.0.1:0", ServerCertificate = certificate, ContractFolder = ErpTestOrders.ContractFolder },
            CancellationToken.None);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await sandbox.DisposeAsync();
        certificate.Dispose();
    }

    [Test]
    public async Task Push_OverHttpsWithThePinnedCertificate_Accepted()
    {
        using var pusher = new ErpOrderPusher(Options(Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256))));

        var result = await pusher.PushAsync(new ErpPushRequest(ErpTestOrders.NewMessageId(), ErpChangeType.New, ErpTestOrders.Order(ErpTestOrders.NewOrderNumber()).Root!), CancellationToken.None);

        Assert.That(sandbox.ServiceAddress.Scheme, Is.EqualTo("https"));
        Assert.That(result.Accepted, Is.True, result.ToString());
    }

    [Test]
    public async Task Push_OverHttpsWithAnotherPinnedCertificate_PermanentUntrusted()
    {
        using var pusher = new ErpOrderPusher(Options(new string('A', 64)));

        var result = await pusher.PushAsync(new ErpPushRequest(ErpTestOrders.NewMessageId(), ErpChangeType.New, ErpTestOrders.Order(ErpTestOrders.NewOrderNumber()).Root!), CancellationToken.None);

        Assert.That(result.Outcome, Is.TypeOf<DeliveryOutcome.PermanentFailure>(), result.ToString());
        Assert.That(((DeliveryOutcome.PermanentFailure)result.Outcome).Reason, Does.Contain("certificate"));
    }

    private ErpEndpointOptions Options(string pin) => new()
    {
        Url = sandbox.ServiceAddress,
        UserName = sandbox.Options.UserName,
        Password = sandbox.Options.Password,
        TrustedServerCertificateSha256 = pin,
        Timeout = TimeSpan.FromSeconds(10),
    };

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=erp-sandbox", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var created = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddMinutes(-5), TimeProvider.System.GetUtcNow().AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
