using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dapper;
using ErpBridge.Bench;
using ErpBridge.Storage;
using ErpBridge.Tests.Storage;
using ErpBridge.Tests.Support;
using Npgsql;
using Node = ErpBridge.Bench.BridgeProcess;

namespace ErpBridge.Tests.EndToEnd;

/// <summary>
/// Two bridge processes (the built host, as operators run it) on one fresh PostgreSQL database, and the four platform
/// sandboxes in a process of their own that both nodes' demo channels deliver to. Orders are seeded on every store
/// before the nodes start, so that their order poll fetches them. Each node's output (compact JSON log lines) goes to
/// a file of its own, read by the tests to see which node did what.
/// </summary>
internal sealed class TwoNodeCluster : IAsyncDisposable
{
    public const string First = "node-a";
    public const string Second = "node-b";

    private readonly TempFolder folder;
    private readonly StorageDatabase database;
    private readonly Process sandboxes;
    private readonly Dictionary<string, Node> nodes = [];
    private readonly Dictionary<string, Uri> services = [];

    private TwoNodeCluster(TempFolder folder, StorageDatabase database, Process sandboxes, KillStores stores, KillOrders orders)
    {
        this.folder = folder;
        this.database = database;
        this.sandboxes = sandboxes;
        Stores = stores;
        Orders = orders;
        Http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(60) };
    }

    public KillStores Stores { get; }

    /// <summary>The Zoho Inventory sandbox (accounts server at its root, the API under inventory/v1/).</summary>
    public Uri Zoho { get; private init; } = null!;

    /// <summary>The ShipStation sandbox; the cluster forwards no web orders to it (its counts are the four stores').</summary>
    public Uri ShipStation { get; private init; } = null!;

    /// <summary>The orders seeded on every store (one line of <see cref="OrderSku"/> each).</summary>
    public KillOrders Orders { get; }

    /// <summary>The SKU on every seeded order; no stock message of the tests changes it.</summary>
    public static string OrderSku => "MAT-101999";

    public HttpClient Http { get; }

    /// <summary>When the first node was started: no schedule of the cluster fired before.</summary>
    public DateTimeOffset StartedAt { get; private init; }

    /// <summary>The API2Cart sandbox's root, where the Development channel api2cart-demo points (it is given no traffic in the cluster).</summary>
    public Uri Api2Cart { get; private init; } = null!;

    public string ConnectionString => database.Options.ConnectionString;

    public IReadOnlyCollection<string> Names => nodes.Keys;

    /// <summary>
    /// Creates the database (skipped without <c>ERPBRIDGE_TEST_POSTGRES</c>, failed in CI), starts the sandboxes, seeds
    /// <paramref name="orders"/> orders on each store, and starts both nodes with <paramref name="settings"/> on top of
    /// the cluster's own (PostgreSQL, the sandboxes' addresses, the node's worker id).
    /// </summary>
    public static async Task<TwoNodeCluster> StartAsync(int orders, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("the two-node tests kill bridge processes with SIGKILL; Process.Kill is TerminateProcess on Windows");
        }

        var database = await StorageDatabase.CreateAsync(new StorageTarget("PostgreSql"), throughVersion: 0);
        var folder = new TempFolder();
        var sandboxes = SandboxProcess.Start(
        [
            .. new[] { "Shopify", "BigCommerce", "WooCommerce", "Magento", "ZohoInventory", "ShipStation" }.Select(p => $"--ErpBridge:Sandboxes:{p}:Url=http://127.0.0.1:0"),
            "--ErpBridge:Sandboxes:Api2Cart:Url=http://127.0.0.1:0",
            "--ErpBridge:Sandboxes:Erp:Url=",
            "--ErpBridge:Sandboxes:RateLimits=false",
        ]);
        TwoNodeCluster? cluster = null;
        try
        {
            var served = await SandboxProcess.ReadServedAsync(sandboxes, 7);

            // Whatever the sandboxes log from now on is read and dropped, so that a full pipe never stalls them.
            _ = sandboxes.StandardOutput.ReadToEndAsync(CancellationToken.None);
            _ = sandboxes.StandardError.ReadToEndAsync(CancellationToken.None);
            var stores = new KillStores(served["Shopify"], served["BigCommerce"], served["WooCommerce"], served["Magento"]);
            using var seeding = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(60) };
            var seeded = await KillOrders.SeedAsync(seeding, stores, orders, OrderSku, cancellationToken);
            cluster = new TwoNodeCluster(folder, database, sandboxes, stores, seeded) { StartedAt = TimeProvider.System.GetUtcNow(), Api2Cart = served["API2Cart"], Zoho = served["ZohoInventory"], ShipStation = served["ShipStation"] };
            foreach (var name in new[] { First, Second })
            {
                cluster.nodes[name] = Node.Start(cluster.Start(name, settings), 1);
            }

            foreach (var (name, node) in cluster.nodes)
            {
                cluster.services[name] = await node.WaitReadyAsync(cluster.Http, TimeSpan.FromSeconds(90), cancellationToken);
            }

            return cluster;
        }
        catch
        {
            if (cluster is not null)
            {
                await cluster.DisposeAsync();
            }
            else
            {
                sandboxes.Kill(entireProcessTree: true);
                sandboxes.Dispose();
                folder.Dispose();
                await database.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>The SOAP service address of a node.</summary>
    public Uri Service(string node) => services[node];

    /// <summary>Kills a node with SIGKILL (no shutdown code runs: its leases and claims stay in the database).</summary>
    public async Task KillAsync(string node) => await nodes[node].KillAsync();

    /// <summary>The compact JSON log lines a node printed, parsed; lines that are not JSON are left out.</summary>
    public IReadOnlyList<JsonElement> LogOf(string node)
    {
        var events = new List<JsonElement>();
        using var stream = new FileStream(OutputFile(node), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('{'))
            {
                try
                {
                    using var document = JsonDocument.Parse(line);
                    events.Add(document.RootElement.Clone());
                }
                catch (JsonException)
                {
                    // A line cut short by the kill.
                }
            }
        }

        return events;
    }

    /// <summary>The last lines a node printed, for failure messages.</summary>
    public string Tail(string node) => nodes[node].Tail();

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Each channel's deliveries by status.</summary>
    public async Task<Dictionary<(string Channel, string Status), long>> DeliveryCountsAsync()
    {
        await using var connection = await OpenAsync();
        var rows = await connection.QueryAsync<(string Channel, string Status, long Count)>("SELECT channel, status, COUNT(*) FROM deliveries GROUP BY channel, status");
        return rows.ToDictionary(r => (r.Channel, r.Status), r => r.Count);
    }

    /// <summary>Waits until no delivery waits or runs any more and <paramref name="expected"/> have ended (delivered, superseded or failed).</summary>
    public async Task<Dictionary<(string Channel, string Status), long>> WaitDeliveredAsync(long expected, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var counts = await DeliveryCountsAsync();
            var waiting = counts.Where(c => c.Key.Status is "Pending" or "InProgress" or "RetryScheduled").Sum(c => c.Value);
            if ((waiting == 0 && counts.Values.Sum() >= expected) || clock.Elapsed > timeout)
            {
                return counts;
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    /// <summary>Waits until the order poll has stored every seeded order of every channel (a shipment is accepted only then).</summary>
    public async Task WaitForSeededOrdersAsync(int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var wanted = KillStores.Channels.SelectMany(c => Enumerable.Range(1, count).Select(i => c + ":" + Orders.NumberOn(c, i))).ToHashSet(StringComparer.Ordinal);
        while (true)
        {
            await using var connection = await OpenAsync();
            var stored = (await connection.QueryAsync<string>("SELECT channel || ':' || order_number FROM orders")).ToHashSet(StringComparer.Ordinal);
            var missing = wanted.Where(w => !stored.Contains(w)).ToList();
            if (missing.Count == 0)
            {
                return;
            }

            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"the order poll stored {wanted.Count - missing.Count} of the {wanted.Count} seeded orders within {timeout.TotalSeconds:0} s, e.g. {missing[0]}\n{Tail(First)}");
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in nodes.Values)
        {
            node.Dispose();
        }

        sandboxes.Kill(entireProcessTree: true);
        await sandboxes.WaitForExitAsync(CancellationToken.None);
        sandboxes.Dispose();
        Http.Dispose();
        folder.Dispose();
        await database.DisposeAsync();
    }

    private string OutputFile(string node) => folder.File(node + ".log");

    /// <summary>
    /// A node as the tests run it (Development: the demo client, channels and routes) on the cluster's database, its
    /// demo channels pointed at the sandboxes' process; settings as environment variables, as an operator's service
    /// unit would give them.
    /// </summary>
    private BridgeStart Start(string node, IReadOnlyDictionary<string, string> settings)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["urls"] = "http://127.0.0.1:0",
            ["ErpBridge__Storage__Provider"] = StorageOptions.PostgreSql,
            ["ErpBridge__Storage__ConnectionString"] = ConnectionString,
            ["ErpBridge__Logging__File"] = "",
            ["ErpBridge__Sandboxes__Enabled"] = "false",
            ["ErpBridge__Delivery__WorkerId"] = node,
            ["ErpBridge__Channels__shopify-demo__BaseUrl"] = Stores.Shopify.ToString(),
            ["ErpBridge__Channels__bigcommerce-demo__BaseUrl"] = Stores.BigCommerce.ToString(),
            ["ErpBridge__Channels__woocommerce-demo__BaseUrl"] = Stores.WooCommerce.ToString(),
            ["ErpBridge__Channels__magento-demo__BaseUrl"] = Stores.Magento.ToString(),
            ["ErpBridge__Channels__zoho-demo__BaseUrl"] = new Uri(Zoho, "inventory/v1/").ToString(),
            ["ErpBridge__Channels__zoho-demo__AccountsUrl"] = Zoho.ToString(),
            ["ErpBridge__Channels__shipstation-demo__BaseUrl"] = ShipStation.ToString(),
            ["ErpBridge__Routes__Orders__0"] = " ",
            ["ErpBridge__Channels__api2cart-demo__BaseUrl"] = new Uri(Api2Cart, "v1.1/").ToString(),

            // The cluster's counts are the four stores': the API2Cart and Zoho demo channels are routed, polled and reconciled nothing here.
            ["ErpBridge__Routes__Inventory__4"] = " ",
            ["ErpBridge__Routes__Products__4"] = " ",
            ["ErpBridge__Routes__Inventory__5"] = " ",
            ["ErpBridge__Routes__Products__5"] = " ",
            ["ErpBridge__Orders__Channels__api2cart-demo__Enabled"] = "false",
            ["ErpBridge__Reconciliation__Channels__api2cart-demo__Enabled"] = "false",
            ["ErpBridge__Reconciliation__Channels__zoho-demo__Enabled"] = "false",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        var directory = Directory.CreateDirectory(folder.File(node)).FullName;
        return new BridgeStart("dotnet", [Path.Combine(AppContext.BaseDirectory, "ErpBridge.Host.dll")], environment, directory, OutputFile(node));
    }

    /// <summary>Quartz cron fire times of <paramref name="cron"/> (UTC) after <paramref name="from"/> up to <paramref name="to"/>.</summary>
    public static IReadOnlyList<DateTimeOffset> FireTimes(string cron, DateTimeOffset from, DateTimeOffset to)
    {
        var expression = new Quartz.CronExpression(cron, TimeZoneInfo.Utc);
        var times = new List<DateTimeOffset>();
        var next = expression.GetNextValidTimeAfter(from);
        while (next is { } time && time <= to)
        {
            times.Add(time);
            next = expression.GetNextValidTimeAfter(time);
        }

        return times;
    }

    /// <summary>A time as the database stores it (fixed-width ISO 8601 UTC text).</summary>
    public static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
