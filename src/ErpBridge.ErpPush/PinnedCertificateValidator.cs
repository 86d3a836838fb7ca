using System.IdentityModel.Selectors;
using System.IdentityModel.Tokens;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ErpBridge.ErpPush;

/// <summary>
/// Trusts exactly one server certificate, by its SHA-256 thumbprint: on-premises ERPs often present a certificate of
/// an internal CA, and pinning it is narrower than adding that CA to the machine's trust store.
/// </summary>
internal sealed class PinnedCertificateValidator(string sha256Hex) : X509CertificateValidator
{
    private readonly byte[] expected = Convert.FromHexString(sha256Hex.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal));

    public override void Validate(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (!CryptographicOperations.FixedTimeEquals(certificate.GetCertHash(HashAlgorithmName.SHA256), expected))
        {
            throw new SecurityTokenValidationException("The ERP's TLS certificate is not the one configured in TrustedServerCertificateSha256.");
        }
    }
}
