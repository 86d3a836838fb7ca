using System.Globalization;
using System.Text;
using ErpBridge.Core.Messages;

namespace ErpBridge.Bench;

/// <summary>
/// A SOAP 1.1 SubmitInventory envelope with 10 items, pre-encoded as UTF-8 around the two
/// per-request values (MessageId and SentAt) so building a request is a few span copies.
/// Consecutive requests carry different SKUs: 200 blocks of 10 cover MAT-100000..MAT-101999 (the demo
/// sandboxes' catalogue), as an ERP sending changed items would.
/// </summary>
internal sealed class SoapRequestTemplate
{
    public const string SoapAction = "\"" + XmlNamespaces.Service + "/SubmitInventory\"";
    public const string ContentType = "text/xml; charset=utf-8";
    private const string SentAtFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";
    private const int ItemCount = 10;
    private const int SkuBlocks = 200;

    private readonly byte[] head;
    private readonly byte[] middle;
    private readonly byte[][] tails;
    private long sequence;

    public SoapRequestTemplate(string user, string password)
    {
        head = Encoding.UTF8.GetBytes(Head(XmlText.Escape(user), XmlText.Escape(password)));
        middle = Encoding.UTF8.GetBytes("</inv:MessageId>\n      <inv:SentAt>");
        tails = [.. Enumerable.Range(0, SkuBlocks).Select(block => Encoding.UTF8.GetBytes(Tail(block)))];
    }

    public byte[] Build(string messageId, DateTimeOffset sentAt)
    {
        Span<byte> stamp = stackalloc byte[32];
        sentAt.ToUniversalTime().TryFormat(stamp, out var stampLength, SentAtFormat, CultureInfo.InvariantCulture);
        var tail = tails[(int)((ulong)Interlocked.Increment(ref sequence) % SkuBlocks)];
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

    private static string Head(string user, string password) => $"""
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:inv="{XmlNamespaces.Inventory}">
          <soap:Header>
            <wsse:Security soap:mustUnderstand="1" xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">
              <wsse:UsernameToken>
                <wsse:Username>{user}</wsse:Username>
                <wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">{password}</wsse:Password>
              </wsse:UsernameToken>
            </wsse:Security>
          </soap:Header>
          <soap:Body>
            <inv:SubmitInventory>
              <inv:MessageId>
        """;

    private static string Tail(int block)
    {
        var builder = new StringBuilder();
        builder.Append("</inv:SentAt>\n      <inv:SourceSystem>SAP-ECC</inv:SourceSystem>\n      <inv:Items>\n");
        for (var i = 0; i < ItemCount; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"        <inv:Item><inv:Sku>MAT-{100000 + (block * ItemCount) + i}</inv:Sku><inv:Location>WH0{1 + (i % 3)}</inv:Location><inv:Quantity>{5 + (i * 37 % 95)}</inv:Quantity></inv:Item>\n");
        }

        builder.Append("      </inv:Items>\n    </inv:SubmitInventory>\n  </soap:Body>\n</soap:Envelope>\n");
        return builder.ToString();
    }
}
