using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using ErpBridge.Core.Messages;

namespace ErpBridge.Bench;

/// <summary>
/// The orders a Shipments load ships. The bridge accepts a shipment only for an order it has fetched from a store, so
/// the load first asks the bridge (FetchOrders, as the ERP does) for the orders its poll has fetched, and names those.
/// With <c>--seed-orders N</c> it first seeds N orders on each of the four sandboxes (as the kill run does) and waits
/// until the bridge's poll has fetched them; without, the orders already there (a Development bridge's demo orders).
/// Fetching hides the orders from the next FetchOrders for the visibility timeout: run it against a bridge for
/// measuring, not one whose orders an ERP still has to fetch.
/// </summary>
internal sealed record ShipmentOrders(int Seed, KillStores Stores, TimeSpan Timeout)
{
    /// <summary>The orders' options; null unless the operation is Shipments.</summary>
    public static ShipmentOrders? Read(ArgumentReader reader, BenchOperation operation)
    {
        if (operation != BenchOperation.Shipments)
        {
            return null;
        }

        var defaults = KillStores.Default;
        return new ShipmentOrders(
            reader.Int("seed-orders", 0, 0, 10_000),
            new KillStores(
                LoopbackUrl.Parse(reader.String("shopify", defaults.Shopify.ToString())),
                LoopbackUrl.Parse(reader.String("bigcommerce", defaults.BigCommerce.ToString())),
                LoopbackUrl.Parse(reader.String("woocommerce", defaults.WooCommerce.ToString())),
                LoopbackUrl.Parse(reader.String("magento", defaults.Magento.ToString()))),
            TimeSpan.FromSeconds(reader.Int("orders-timeout", 150, 1, 600)));
    }

    /// <summary>The settings with the fetched orders; throws when the bridge fetched none (or not all seeded ones) in time.</summary>
    public async Task<LoadSettings> ApplyAsync(LoadSettings settings, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };
        var wanted = 1;
        if (Seed > 0)
        {
            await KillOrders.SeedAsync(http, Stores, Seed, "MAT-100000", cancellationToken);
            wanted = 4 * Seed;
            Console.Error.WriteLine($"seeded {Seed} orders on each of the four sandboxes; waiting for the bridge's order poll to fetch them");
        }

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.User}:{settings.Password}")));
        XNamespace ns = XmlNamespaces.Orders;
        var orders = new HashSet<BenchOrder>();
        var clock = Stopwatch.StartNew();
        while (orders.Count < wanted)
        {
            if (clock.Elapsed > Timeout)
            {
                throw new UsageException($"the bridge at {settings.Url} has fetched {orders.Count} orders, {wanted} wanted, within {Timeout.TotalSeconds:0} s; seed orders on its stores (--seed-orders N) and check that it polls them");
            }

            var answer = await BenchSoap.PostAsync(http, settings.Url, "FetchOrders", $"<ord:FetchOrders xmlns:ord=\"{ns.NamespaceName}\"><ord:MaxOrders>500</ord:MaxOrders></ord:FetchOrders>", cancellationToken);
            var fetched = XDocument.Parse(answer).Descendants(ns + "Order")
                .Select(o => new BenchOrder((string?)o.Element(ns + "Channel") ?? "", (string?)o.Element(ns + "OrderNumber") ?? ""))
                .ToList();
            orders.UnionWith(fetched);
            if (fetched.Count == 0 && orders.Count < wanted)
            {
                await Task.Delay(500, cancellationToken);
            }
        }

        Console.Error.WriteLine($"shipments name {orders.Count} fetched orders in turn");
        return settings with { Orders = [.. orders.OrderBy(o => o.Channel, StringComparer.Ordinal).ThenBy(o => o.OrderNumber, StringComparer.Ordinal)] };
    }
}
