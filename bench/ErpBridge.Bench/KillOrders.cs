using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace ErpBridge.Bench;

/// <summary>
/// The orders a kill run ships: order i (from 1) is seeded on all four sandboxes through their admin endpoints, with one
/// line of one catalogue SKU (quantity 1), so one shipment ships it whole. Shopify and BigCommerce take the number
/// 7000 + i, Magento the increment id 00000(7000 + i); WooCommerce numbers its orders itself. The bridge accepts a
/// shipment only for an order it has fetched, so a bridge polling orders fetches them all before the kills begin
/// (<see cref="FetchAsync"/>).
/// </summary>
internal sealed class KillOrders
{
    private const int FirstNumber = 7000;
    private readonly Dictionary<int, int> wooIds;

    private KillOrders(string sku, Dictionary<int, int> wooIds)
    {
        Sku = sku;
        this.wooIds = wooIds;
    }

    /// <summary>The SKU on every order (not one the run's stock messages change).</summary>
    public string Sku { get; }

    public static string ShipmentId(int order) => string.Create(CultureInfo.InvariantCulture, $"KS{order:D5}");

    public static string TrackingNumber(int order) => "TRK-" + ShipmentId(order);

    public static async Task<KillOrders> SeedAsync(HttpClient http, KillStores stores, int count, string sku, CancellationToken cancellationToken)
    {
        var numbers = Enumerable.Range(1, count).ToList();
        var shopify = numbers.Select(i => new { orderNumber = Number(i), lines = new[] { new { sku, quantity = 1 } } });
        await PostAsync(http, new Uri(stores.Shopify, "_sandbox/seed"), new { orders = shopify }, cancellationToken);
        var magento = numbers.Select(i => new { increment_id = MagentoNumber(i), items = new[] { new { sku, qty = 1 } } });
        await PostAsync(http, new Uri(stores.Magento, "_sandbox/seed"), new { orders = magento }, cancellationToken);
        var wooIds = new Dictionary<int, int>();
        foreach (var i in numbers)
        {
            await PostAsync(http, new Uri(stores.BigCommerce, "_sandbox/orders"), new { id = FirstNumber + i, lines = new[] { new { sku, quantity = 1 } } }, cancellationToken);
            using var woo = JsonDocument.Parse(await PostAsync(http, new Uri(stores.WooCommerce, "_sandbox/orders"), new { lines = new[] { new { sku, quantity = 1 } } }, cancellationToken));
            wooIds[i] = woo.RootElement.GetProperty("id").GetInt32();
        }

        return new KillOrders(sku, wooIds);
    }

    /// <summary>
    /// Starts a bridge that polls orders every second (the kill runs themselves poll none), fetches orders over SOAP as
    /// the ERP does until the order store holds every seeded order of every channel, and stops it again: from then on
    /// the bridge knows each order a shipment names, as it would have fetched it in production.
    /// </summary>
    public async Task FetchAsync(KillSettings settings, int count, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string>(settings.Bridge.Environment, StringComparer.Ordinal)
        {
            ["ErpBridge__Orders__Enabled"] = "true",
            ["ErpBridge__Orders__Cron"] = "* * * * * ?",
        };
        using var bridge = BridgeProcess.Start(settings.Bridge with { Environment = environment }, 0);
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.User}:{settings.Password}")));
        var service = await bridge.WaitReadyAsync(http, settings.ReadyTimeout, cancellationToken);
        var missing = KillStores.Channels.SelectMany(c => Enumerable.Range(1, count).Select(i => (c, NumberOn(c, i)))).ToHashSet();
        XNamespace ns = "urn:erpbridge:orders:v1";
        var clock = Stopwatch.StartNew();
        while (missing.Count > 0)
        {
            if (clock.Elapsed > settings.ReadyTimeout * 2)
            {
                throw new IOException($"the bridge did not fetch {missing.Count} of the {4 * count} seeded orders within {(settings.ReadyTimeout * 2).TotalSeconds:0} s, e.g. {missing.First()}:\n{bridge.Tail()}");
            }

            var answer = await BenchSoap.PostAsync(http, service, "FetchOrders", $"<ord:FetchOrders xmlns:ord=\"{ns.NamespaceName}\"><ord:MaxOrders>500</ord:MaxOrders></ord:FetchOrders>", cancellationToken);
            var fetched = XDocument.Parse(answer).Descendants(ns + "Order").ToList();
            missing.ExceptWith(fetched.Select(o => ((string?)o.Element(ns + "Channel") ?? "", ((string?)o.Element(ns + "OrderNumber") ?? "").TrimStart('#'))));
            if (fetched.Count == 0 && missing.Count > 0)
            {
                await Task.Delay(250, cancellationToken);
            }
        }

        await bridge.KillAsync();
    }

    /// <summary>Order <paramref name="order"/>'s number as a shipment names it for the channel.</summary>
    public string NumberOn(string channel, int order) => channel switch
    {
        "woocommerce-demo" => wooIds[order].ToString(CultureInfo.InvariantCulture),
        "magento-demo" => MagentoNumber(order),
        _ => Number(order),
    };

    private static string Number(int order) => (FirstNumber + order).ToString(CultureInfo.InvariantCulture);

    private static string MagentoNumber(int order) => (FirstNumber + order).ToString("D9", CultureInfo.InvariantCulture);

    private static async Task<string> PostAsync(HttpClient http, Uri url, object body, CancellationToken cancellationToken)
    {
        using var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(url, content, cancellationToken);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new IOException($"seeding orders: {url} answered {(int)response.StatusCode}: {answer}");
        }

        return answer;
    }
}
