using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using ErpBridge.Core.Messages;

namespace ErpBridge.Bench;

/// <summary>
/// The ERP side of a kill run: senders that take the next message (stock, products and shipments mixed) and send it
/// again under the same MessageId until a receipt comes back, as an ERP's outbound queue does when a call fails. Only a
/// message whose receipt (Accepted, or Duplicate for a resend the bridge had already stored) came back is accepted.
/// </summary>
internal sealed class KillTraffic(KillSettings settings, KillOrders orders, DateTimeOffset firstSentAt)
{
    private static readonly XNamespace Common = XmlNamespaces.Common;
    private readonly ConcurrentQueue<KillMessage> accepted = new();
    private readonly Lock gate = new();
    private readonly Random random = new(settings.RandomSeed);
    private long sequence;
    private int shipped;
    private int resends;
    private int duplicates;

    /// <summary>Messages whose receipt came back, in the order the receipts did.</summary>
    public IReadOnlyList<KillMessage> Accepted => [.. accepted];

    /// <summary>Sends that got no receipt (the bridge was down or killed under the call) and were sent again.</summary>
    public int Resends => resends;

    /// <summary>Receipts that said Duplicate: the bridge had stored the message before the answer to an earlier send was lost.</summary>
    public int Duplicates => duplicates;

    /// <summary>Where the running bridge listens; null while none does.</summary>
    public Uri? Service
    {
        get => Volatile.Read(ref field);
        set => Volatile.Write(ref field, value);
    }

    /// <summary>
    /// Runs the senders until <paramref name="stopTaking"/> is cancelled; each then finishes the message it holds (until
    /// its receipt comes back or <paramref name="abort"/> is cancelled).
    /// </summary>
    public async Task RunAsync(CancellationToken stopTaking, CancellationToken abort)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.FromSeconds(30) }) { Timeout = TimeSpan.FromSeconds(20) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.User}:{settings.Password}")));
        await Task.WhenAll(Enumerable.Range(0, settings.Senders).Select(_ => Task.Run(() => SendLoopAsync(http, stopTaking, abort), CancellationToken.None)));
    }

    private async Task SendLoopAsync(HttpClient http, CancellationToken stopTaking, CancellationToken abort)
    {
        while (!stopTaking.IsCancellationRequested && !abort.IsCancellationRequested)
        {
            var message = Next();
            await SendUntilAcceptedAsync(http, message, abort);
            await Task.Delay(settings.SendPause, abort).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task SendUntilAcceptedAsync(HttpClient http, KillMessage message, CancellationToken abort)
    {
        var action = message.Kind switch
        {
            KillMessageKind.Stock => "SubmitInventory",
            KillMessageKind.Product => "SubmitProducts",
            _ => "SubmitShipments",
        };
        var first = true;
        while (!abort.IsCancellationRequested)
        {
            if (Service is not { } url)
            {
                await Task.Delay(50, abort).ContinueWith(_ => { }, TaskScheduler.Default);
                continue;
            }

            if (!first)
            {
                Interlocked.Increment(ref resends);
            }

            first = false;
            string? status = null;
            try
            {
                status = ReceiptStatus(await BenchSoap.PostAsync(http, url, action, message.Body, abort));
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or SocketException || (ex is OperationCanceledException && !abort.IsCancellationRequested))
            {
                // Killed under the call, or not listening (yet): no receipt, so the message is sent again. A connection
                // the process died under while it was being set up can surface as a bare SocketException.
            }

            if (status is "Accepted" or "Duplicate")
            {
                if (status == "Duplicate")
                {
                    Interlocked.Increment(ref duplicates);
                }

                accepted.Enqueue(message);
                return;
            }

            await Task.Delay(100, abort).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private static string? ReceiptStatus(string answer)
    {
        try
        {
            return XDocument.Parse(answer).Descendants().FirstOrDefault(e => e.Name.LocalName == "Receipt")?.Element(Common + "Status")?.Value;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>
    /// The next message: every fourth a shipment while seeded orders are left, every fifth a product, the rest stock.
    /// SentAt grows with the sequence, so the newest accepted value of an item is the one with the highest SentAt.
    /// </summary>
    private KillMessage Next()
    {
        lock (gate)
        {
            var n = ++sequence;
            var id = string.Create(CultureInfo.InvariantCulture, $"KILL-{settings.RandomSeed}-{n:D6}");
            var sentAt = firstSentAt.AddMilliseconds(n * 10);
            if (n % 4 == 0 && shipped < settings.Shipments)
            {
                shipped++;
                return Shipment(id, n, sentAt, shipped);
            }

            if (n % 5 == 0)
            {
                var sku = string.Create(CultureInfo.InvariantCulture, $"KILL-P{random.Next(settings.Products) + 1:D3}");
                return Product(id, n, sentAt, sku, string.Create(CultureInfo.InvariantCulture, $"Kill cycle product {sku} r{n}"));
            }

            var levels = Enumerable.Range(0, settings.StockSkus).OrderBy(_ => random.Next()).Take(Math.Min(settings.ItemsPerStockMessage, settings.StockSkus))
                .Select(i => (Sku: settings.SkuPrefix + (settings.SkuFrom + i).ToString(CultureInfo.InvariantCulture), Quantity: random.Next(1000)))
                .ToList();
            return Stock(id, n, sentAt, levels);
        }
    }

    private KillMessage Stock(string id, long n, DateTimeOffset sentAt, List<(string Sku, int Quantity)> levels)
    {
        var items = string.Concat(levels.Select(l => $"<inv:Item><inv:Sku>{l.Sku}</inv:Sku><inv:Location>{settings.Location}</inv:Location><inv:Quantity>{l.Quantity.ToString(CultureInfo.InvariantCulture)}</inv:Quantity></inv:Item>"));
        var body = $"<inv:SubmitInventory xmlns:inv=\"{XmlNamespaces.Inventory}\">{Header("inv", id, sentAt)}<inv:Items>{items}</inv:Items></inv:SubmitInventory>";
        return new KillMessage(id, n, KillMessageKind.Stock, sentAt, body) { Levels = levels };
    }

    private static KillMessage Product(string id, long n, DateTimeOffset sentAt, string sku, string title)
    {
        var price = (1 + (n % 100)).ToString(CultureInfo.InvariantCulture) + ".50";
        var body = $"<prd:SubmitProducts xmlns:prd=\"{XmlNamespaces.Products}\">{Header("prd", id, sentAt)}<prd:Products><prd:Product><prd:Sku>{sku}</prd:Sku><prd:Title>{title}</prd:Title><prd:Description>Sent while the bridge was being killed</prd:Description><prd:Price>{price}</prd:Price><prd:Currency>EUR</prd:Currency><prd:Status>active</prd:Status></prd:Product></prd:Products></prd:SubmitProducts>";
        return new KillMessage(id, n, KillMessageKind.Product, sentAt, body) { Product = (sku, title) };
    }

    private KillMessage Shipment(string id, long n, DateTimeOffset sentAt, int order)
    {
        var shipments = KillStores.Channels.Select(channel =>
            $"<shp:Shipment><shp:Channel>{channel}</shp:Channel><shp:OrderNumber>{orders.NumberOn(channel, order)}</shp:OrderNumber><shp:ShipmentId>{KillOrders.ShipmentId(order)}</shp:ShipmentId><shp:Carrier>DHL</shp:Carrier><shp:TrackingNumber>{KillOrders.TrackingNumber(order)}</shp:TrackingNumber><shp:TrackingUrl>https://www.dhl.com/track?id={KillOrders.TrackingNumber(order)}</shp:TrackingUrl><shp:ShippedAt>{Time(sentAt)}</shp:ShippedAt><shp:Lines><shp:Line><shp:Sku>{orders.Sku}</shp:Sku><shp:Quantity>1</shp:Quantity></shp:Line></shp:Lines></shp:Shipment>");
        var body = $"<shp:SubmitShipments xmlns:shp=\"{XmlNamespaces.Shipments}\">{Header("shp", id, sentAt)}<shp:Shipments>{string.Concat(shipments)}</shp:Shipments></shp:SubmitShipments>";
        return new KillMessage(id, n, KillMessageKind.Shipment, sentAt, body) { Order = order };
    }

    private static string Header(string prefix, string id, DateTimeOffset sentAt) =>
        $"<{prefix}:MessageId>{id}</{prefix}:MessageId><{prefix}:SentAt>{Time(sentAt)}</{prefix}:SentAt><{prefix}:SourceSystem>SAP-ECC</{prefix}:SourceSystem>";

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
