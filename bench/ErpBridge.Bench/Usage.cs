namespace ErpBridge.Bench;

/// <summary>The --help text.</summary>
internal static class Usage
{
    private const string Text = """
        ErpBridge.Bench - measures a SOAP endpoint with Submit requests (loopback only).

        usage:
          ceiling --port 5099
              Serve a fixed SOAP receipt at http://127.0.0.1:PORT/ErpBridgeService.svc until Ctrl+C.

          load --url URL [--operation Inventory] [--concurrency 16] [--duration 30] [--warmup 5]
               [--user demo-erp] [--password demo-erp-password] [--label NAME] [--json FILE]
               [--seed-orders 0] [--orders-timeout 150] [--shopify URL] [--bigcommerce URL] [--woocommerce URL] [--magento URL]
               [--also-url URL2,URL3]
              Send requests from N workers for DURATION seconds after WARMUP seconds; print a summary.
              --also-url: further nodes of the same bridge (one database); worker i sends to node i mod nodes.
              --operation: Inventory (SubmitInventory, 10 stock levels), Products (SubmitProducts, 10 products with
              title, description, price, barcode, weight), Shipments (SubmitShipments, one shipment with tracking and
              two lines for an order the bridge has fetched, naming its channel) or Prices (SubmitDocument with a
              COND_A04 IDoc of 10 PR00 condition records, mapped at the door).
              Shipments first fetch the bridge's orders over FetchOrders (which hides them from the next fetch for
              the visibility timeout); --seed-orders N seeds N orders on each of the four sandboxes first and waits
              until the bridge's order poll has fetched them (--orders-timeout seconds at most).

          compare --url URL [--operation Inventory] [--concurrency 16] [--duration 30] [--warmup 5]
                  [--user ..] [--password ..] [--ceiling-port 5099] [--json FILE] [--markdown FILE]
                  [--seed-orders 0] [--orders-timeout 150] [--shopify URL] ...
              Load URL, then start a ceiling child process, load it the same way (the same requests), stop it,
              and report bridge accepted/s as a percentage of the ceiling.

          delivery --url URL [--also-url URL2] [--concurrency 16] [--duration 60] [--warmup 10] [--drain 120] [--channels a,b]
              End to end: load URL like `load` while sampling URL's /status/deliveries every second,
              then wait for the backlog to drain; report accepted/s and messages delivered/s
              (delivered to every channel of the route) in the measured window.

          ratelimit --url URL [--messages 1000] [--concurrency 16] [--shopify URL] [--bigcommerce URL] [--timeout 300]
              A burst of stock messages against a bridge whose sandboxes enforce rate limits; samples the
              sandboxes' /_sandbox/stats until everything is delivered and reports each platform's request
              rate against its allowed rate, and how many requests it refused (429 / THROTTLED).

          reconcile --url URL [--pid N] [--skus 100000] [--channel bigcommerce-demo] [--location WH01]
                    [--sandbox http://127.0.0.1:5092/] [--drift-every 100] [--timeout 1800]
              Sends the ERP's stock for N SKUs (250 items a message), waits until the channel has it, changes
              every drift-every-th level on the sandbox, then starts a reconciliation over SOAP and follows it;
              reports its time, its counts and the bridge process's resident memory (with --pid).

          kill --host ErpBridge.Host.dll [--cycles 100] [--senders 4] [--pause-ms 25] [--stock-skus 100] [--products 20]
               [--shipments 300] [--min-up-ms 100] [--max-up-ms 3000] [--startup-kill-percent 20] [--drain 600]
               [--seed 14] [--folder DIR] [--database FILE] [--shopify URL] [--bigcommerce URL] [--woocommerce URL] [--magento URL]
              Seeds an order per shipment on the four sandboxes, then starts `dotnet HOST` (settings from this
              process's environment) and kills it with SIGKILL CYCLES times at random moments (some during
              start-up) while stock (WH01), products and shipments are sent, each again until its receipt comes
              back; then lets one bridge run undisturbed until everything accepted is delivered and checks the
              stores: each shipment once, each level the newest accepted, each product once with its newest title.
              With --database (the bridge's SQLite file) it also counts the claims each killed process left.

          xslt [--folder xslt] [--duration 10] [--items 10] [--growth on|off|only] [--divide 1] [--steps 4]
               [--cap 60] [--maps TEXT]
              Stock-map transforms per second in process (plan parsed too), on one thread and on all cores;
              then each map's time per run and per KB at 1x, 2x, 4x, 8x (--steps) of the large inputs
              (1 MB description, 50,000-character note, 50,000-digit material number, 10,000 long-text lines),
              divided by --divide; a map stops growing once a run takes over --cap seconds of processor time.

        URL must point at a loopback address (127.0.0.1 or ::1). warm-up + duration of all runs
        of one command may not exceed 600 seconds.

        exit codes: 0 load ran; 1 more than 1% errors, no accepted requests, or the run failed;
                    2 bad arguments.
        """;

    public static bool IsHelpRequest(IReadOnlyList<string> args) =>
        (args.Count > 0 && args[0] is "help") || args.Any(arg => arg is "--help" or "-h");

    public static void Print(TextWriter writer) => writer.WriteLine(Text);
}
