using System.Globalization;
using System.Text;
using ErpBridge.Core.Messages;

namespace ErpBridge.Bench;

/// <summary>
/// A SOAP 1.1 envelope of one operation (<see cref="BenchOperation"/>; SubmitInventory with 10 items by default),
/// pre-encoded as UTF-8 around the two per-request values (MessageId and SentAt) so building a request is a few span
/// copies. Consecutive requests take consecutive blocks of <see cref="RequestBodies"/>: different SKUs (200 blocks of
/// 10 cover MAT-100000..MAT-101999, the demo sandboxes' catalogue) or, for shipments, different orders.
/// </summary>
internal sealed class SoapRequestTemplate
{
    public const string ContentType = "text/xml; charset=utf-8";
    private const string SentAtFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    private readonly byte[] head;
    private readonly byte[] middle;
    private readonly byte[][] tails;
    private long sequence;

    public SoapRequestTemplate(string user, string password, BenchOperation operation = BenchOperation.Inventory, IReadOnlyList<BenchOrder>? orders = null)
    {
        var (action, prefix, ns) = RequestBodies.Root(operation);
        SoapAction = "\"" + XmlNamespaces.Service + "/" + action + "\"";
        head = Encoding.UTF8.GetBytes(Head(XmlText.Escape(user), XmlText.Escape(password), action, prefix, ns));
        middle = Encoding.UTF8.GetBytes($"</{prefix}:MessageId>\n      <{prefix}:SentAt>");
        tails = [.. RequestBodies.Tails(operation, orders ?? []).Select(Encoding.UTF8.GetBytes)];
    }

    /// <summary>The SOAPAction header of the operation, quoted.</summary>
    public string SoapAction { get; }

    public byte[] Build(string messageId, DateTimeOffset sentAt)
    {
        Span<byte> stamp = stackalloc byte[32];
        sentAt.ToUniversalTime().TryFormat(stamp, out var stampLength, SentAtFormat, CultureInfo.InvariantCulture);
        var tail = tails[(int)((ulong)Interlocked.Increment(ref sequence) % (ulong)tails.Length)];
        var idLength = Encoding.UTF8.GetByteCount(messageId);
        var buffer = new byte[head.Length + idLength + middle.Length + stampLength + tail.Length];
        var span = buffer.AsSpan();
        head.CopyTo(span);
        span = span[head.Length..];
        span = span[Encoding.UTF8.GetBytes(messageId, span)..];
        middle.CopyTo(span);
        span = span[middle.Length..];
        stamp[..stampLength].CopyTo(span);
        tail.CopyTo(span[stampLength..]);
        return buffer;
    }

    private static string Head(string user, string password, string action, string prefix, string ns) => $"""
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:{prefix}="{ns}">
          <soap:Header>
            <wsse:Security soap:mustUnderstand="1" xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">
              <wsse:UsernameToken>
                <wsse:Username>{user}</wsse:Username>
                <wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">{password}</wsse:Password>
              </wsse:UsernameToken>
            </wsse:Security>
          </soap:Header>
          <soap:Body>
            <{prefix}:{action}>
              <{prefix}:MessageId>
        """;
}
