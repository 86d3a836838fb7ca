using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Xml.Linq;
using ErpBridge.Bench;
using ErpBridge.Core.Messages;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.EndToEnd;

/// <summary>
/// The ERP's messages of the two-node tests, as the kill benchmark's messages (<see cref="KillMessage"/>, so that
/// <see cref="StoreCheck"/> compares the stores with them): stock lines at WH01 whose quantity names the line
/// (<see cref="TwoNodeStoreCalls.StockBase"/> plus the message's number), and shipments of a seeded order on all four
/// stores at once; and the senders that submit them over SOAP, several at once, each message until its receipt says
/// Accepted.
/// </summary>
internal static class TwoNodeTraffic
{
    private static readonly DateTimeOffset FirstSentAt = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Stock message <paramref name="number"/>: one line, SKU MAT-(100000 + number mod <paramref name="skus"/>), SentAt growing with the number.</summary>
    public static KillMessage Stock(int number, int skus)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"TWO-S-{number:D5}");
        var sentAt = FirstSentAt.AddMilliseconds(number);
        var sku = string.Create(CultureInfo.InvariantCulture, $"MAT-{100000 + (number % skus)}");
        var quantity = (int)TwoNodeStoreCalls.StockBase + number;
        var body = $"<inv:SubmitInventory xmlns:inv=\"{XmlNamespaces.Inventory}\">{Header("inv", id, sentAt)}<inv:Items><inv:Item><inv:Sku>{sku}</inv:Sku><inv:Location>WH01</inv:Location><inv:Quantity>{quantity.ToString(CultureInfo.InvariantCulture)}</inv:Quantity></inv:Item></inv:Items></inv:SubmitInventory>";
        return new KillMessage(id, number, KillMessageKind.Stock, sentAt, body) { Levels = [(sku, quantity)] };
    }

    /// <summary>The shipment of seeded order <paramref name="order"/> on every store, in one message.</summary>
    public static KillMessage Shipment(KillOrders orders, int order)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"TWO-H-{order:D5}");
        var sentAt = FirstSentAt.AddMilliseconds(order);
        var tracking = KillOrders.TrackingNumber(order);
        var shipments = KillStores.Channels.Select(channel =>
            $"<shp:Shipment><shp:Channel>{channel}</shp:Channel><shp:OrderNumber>{orders.NumberOn(channel, order)}</shp:OrderNumber><shp:ShipmentId>{KillOrders.ShipmentId(order)}</shp:ShipmentId><shp:Carrier>DHL</shp:Carrier><shp:TrackingNumber>{tracking}</shp:TrackingNumber><shp:TrackingUrl>https://www.dhl.com/track?id={tracking}</shp:TrackingUrl><shp:ShippedAt>{Time(sentAt)}</shp:ShippedAt><shp:Lines><shp:Line><shp:Sku>{orders.Sku}</shp:Sku><shp:Quantity>1</shp:Quantity></shp:Line></shp:Lines></shp:Shipment>");
        var body = $"<shp:SubmitShipments xmlns:shp=\"{XmlNamespaces.Shipments}\">{Header("shp", id, sentAt)}<shp:Shipments>{string.Concat(shipments)}</shp:Shipments></shp:SubmitShipments>";
        return new KillMessage(id, 1_000_000 + order, KillMessageKind.Shipment, sentAt, body) { Order = order };
    }

    /// <summary>An HttpClient with the demo ERP client's Basic credentials, as the benchmark's senders use.</summary>
    public static HttpClient Client()
    {
        var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 16 }) { Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{BridgeFixture.DemoUser}:{BridgeFixture.DemoPassword}")));
        return http;
    }

    /// <summary>
    /// Submits <paramref name="messages"/>, <paramref name="senders"/> at a time, to the first of <paramref name="nodes"/>
    /// that answers: a send that gets no answer (the node was killed under it, or is gone) goes to the next node under the
    /// same MessageId, as an ERP's queue sends it again, and may then be answered Duplicate (the killed node had stored
    /// it). Fails the test on any other answer than a receipt. Returns how many messages each node took.
    /// </summary>
    public static async Task<IReadOnlyList<int>> SubmitAsync(HttpClient http, IReadOnlyList<Uri> nodes, IReadOnlyList<KillMessage> messages, int senders, CancellationToken cancellationToken)
    {
        var queue = new ConcurrentQueue<KillMessage>(messages);
        var refused = new ConcurrentQueue<string>();
        var taken = new int[nodes.Count];
        await Task.WhenAll(Enumerable.Range(0, senders).Select(_ => Task.Run(
            async () =>
            {
                while (queue.TryDequeue(out var message))
                {
                    var action = message.Kind == KillMessageKind.Stock ? "SubmitInventory" : "SubmitShipments";
                    for (var node = 0; node < nodes.Count; node++)
                    {
                        string answer;
                        try
                        {
                            answer = await BenchSoap.PostAsync(http, nodes[node], action, message.Body, cancellationToken);
                        }
                        catch (Exception ex) when (ex is HttpRequestException or IOException or SocketException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                        {
                            // No answer: killed under the call, or not listening any more.
                            continue;
                        }

                        var status = XDocument.Parse(answer).Descendants().FirstOrDefault(e => e.Name.LocalName == "Receipt")?.Element((XNamespace)XmlNamespaces.Common + "Status")?.Value;
                        if (status == "Accepted" || (status == "Duplicate" && node > 0))
                        {
                            Interlocked.Increment(ref taken[node]);
                        }
                        else
                        {
                            refused.Enqueue($"{message.MessageId}: {answer}");
                        }

                        break;
                    }
                }
            },
            cancellationToken)));
        Assert.That(refused, Is.Empty, "every message accepted");
        Assert.That(taken.Sum(), Is.EqualTo(messages.Count), "every message taken by a node");
        return taken;
    }

    private static string Header(string prefix, string id, DateTimeOffset sentAt) =>
        $"<{prefix}:MessageId>{id}</{prefix}:MessageId><{prefix}:SentAt>{Time(sentAt)}</{prefix}:SentAt><{prefix}:SourceSystem>SAP-ECC</{prefix}:SourceSystem>";

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
