using System.Security.Cryptography;
using System.Text;

namespace ErpBridge.Core.Messages;

/// <summary>The fingerprint that tells a resent message from a different one reusing its MessageId.</summary>
public static class ContentHash
{
    public static string Of(string canonicalPayload) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalPayload)));
}
