namespace ErpBridge.Bench;

/// <summary>
/// A kill run: how to start the bridge, where the stores are, how many cycles, how much traffic of each kind, and when
/// to kill. Stock goes to one location (WH01: every demo channel takes it, the WooCommerce one no other) over the
/// first <see cref="StockSkus"/> SKUs of the sandboxes' catalogue; products are new SKUs; each shipment ships one
/// order seeded on all four stores.
/// </summary>
internal sealed record KillSettings
{
    public required BridgeStart Bridge { get; init; }

    public required KillStores Stores { get; init; }

    /// <summary>The bridge's SQLite file, read after each kill for the claims the process left (none read when null).</summary>
    public string? Database { get; init; }

    /// <summary>Starts of the bridge that end in SIGKILL; one more start then delivers undisturbed.</summary>
    public int Cycles { get; init; } = 20;

    /// <summary>Senders at once, each sending its message again (same MessageId) until a receipt comes back.</summary>
    public int Senders { get; init; } = 2;

    /// <summary>Each sender's pause after a receipt, so that deliveries keep up with intake between kills.</summary>
    public TimeSpan SendPause { get; init; } = TimeSpan.FromMilliseconds(25);

    public int StockSkus { get; init; } = 20;

    public int ItemsPerStockMessage { get; init; } = 5;

    public int Products { get; init; } = 5;

    /// <summary>Orders seeded on every store; one shipment message (four shipments, one per store) ships each.</summary>
    public int Shipments { get; init; } = 40;

    /// <summary>How long a healthy bridge runs before it is killed: a random time in this range.</summary>
    public TimeSpan MinUp { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxUp { get; init; } = TimeSpan.FromMilliseconds(1500);

    /// <summary>The share of cycles killed at a random moment of start-up instead (migrations, scheduler, Kestrel).</summary>
    public double StartupKillShare { get; init; } = 0.2;

    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest wait, after the last kill, for every accepted message to be delivered.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(120);

    public int RandomSeed { get; init; } = 14;

    public string User { get; init; } = "demo-erp";

    public string Password { get; init; } = "demo-erp-password";

    public string SkuPrefix { get; init; } = "MAT-";

    public int SkuFrom { get; init; } = 100000;

    public string Location { get; init; } = "WH01";

    /// <summary>Progress lines (one per cycle).</summary>
    public TextWriter Log { get; init; } = TextWriter.Null;
}
