using System.Net;
using Microsoft.AspNetCore.Http;

namespace ErpBridge.Soap;

/// <summary>What the envelope gate learnt about a request, for the operation and the fault transformer.</summary>
public sealed class RequestContext(string correlationId)
{
    private static readonly object Key = new();

    public string CorrelationId { get; } = correlationId;

    public SoapVersion Version { get; set; }

    public string? ClientName { get; set; }

    public string? Operation { get; set; }

    public string? MessageId { get; set; }

    /// <summary>The peer's address, as the connection shows it (a proxy in front shows its own).</summary>
    public IPAddress? SourceAddress { get; set; }

    /// <summary>The user name the request presented, authenticated or not; for the log of a refusal.</summary>
    public string? PresentedUserName { get; set; }

    /// <summary>Refused by the throttle, without a key derivation.</summary>
    public bool AuthenticationThrottled { get; set; }

    public static RequestContext? Of(HttpContext? context) =>
        context is not null && context.Items.TryGetValue(Key, out var value) ? value as RequestContext : null;

    public void AttachTo(HttpContext context) => context.Items[Key] = this;
}
