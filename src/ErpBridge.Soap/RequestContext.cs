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

    public static RequestContext? Of(HttpContext? context) =>
        context is not null && context.Items.TryGetValue(Key, out var value) ? value as RequestContext : null;

    public void AttachTo(HttpContext context) => context.Items[Key] = this;
}
