namespace ErpBridge.Core.Security;

/// <summary>What a request offered as proof of identity.</summary>
public abstract record PresentedCredential(string UserName)
{
    /// <summary>A UsernameToken with PasswordText, or HTTP Basic.</summary>
    public sealed record Password(string UserName, string Secret) : PresentedCredential(UserName)
    {
        public override string ToString() => $"Password {{ UserName = {UserName} }}";
    }

    /// <summary>A UsernameToken with PasswordDigest = Base64(SHA-1(nonce + created + password)).</summary>
    public sealed record Digest(string UserName, string DigestBase64, string NonceBase64, string Created) : PresentedCredential(UserName)
    {
        public override string ToString() => $"Digest {{ UserName = {UserName} }}";
    }
}
