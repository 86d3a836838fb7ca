using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ErpBridge.Sandboxes.Shopify.GraphQL;

namespace ErpBridge.Sandboxes.Shopify;

/// <summary>
/// Bulk query operations as Shopify runs them: one at a time per shop, asynchronously (CREATED, RUNNING, then
/// COMPLETED after <see cref="ShopifySandboxOptions.BulkOperationDelay"/>), the result a JSONL file on disk served at
/// a signed, expiring URL that needs no access token (as Shopify's storage links do), with HTTP Range support.
/// </summary>
internal sealed class ShopifyBulkOperations : IDisposable
{
    private readonly ShopifyStore store;
    private readonly ShopifySandboxOptions options;
    private readonly Dictionary<long, BulkOperationEntity> operations = [];
    private readonly byte[] signingKey = RandomNumberGenerator.GetBytes(32);
    private readonly string directory = Path.Combine(Path.GetTempPath(), "erpbridge-shopify-bulk-" + Guid.NewGuid().ToString("N"));
    private readonly CancellationTokenSource stopping = new();
    private long downloads;
    private long downloadsWithToken;

    public ShopifyBulkOperations(ShopifyStore store, ShopifySandboxOptions options)
    {
        this.store = store;
        this.options = options;
        Directory.CreateDirectory(directory);
    }

    /// <summary>The sandbox's root address, for result URLs; set once Kestrel listens.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The most recent bulk query operation (what <c>currentBulkOperation</c> answers).</summary>
    public BulkOperationEntity? Current { get; private set; }

    /// <summary>Result downloads served, and those that wrongly carried an access token.</summary>
    public (long Downloads, long WithToken) DownloadCounts => (Interlocked.Read(ref downloads), Interlocked.Read(ref downloadsWithToken));

    /// <summary>Starts a bulk query (caller holds the store lock). Refused while another is running, or when the query is invalid.</summary>
    public BulkRunResult Run(string query)
    {
        if (Current is { IsRunning: true } running)
        {
            return new BulkRunResult(null, [new UserError(null, $"A bulk query operation for this app and shop is already in progress: {running.Id}.", "OPERATION_IN_PROGRESS")]);
        }

        var document = PreparedDocument.Get(query, SchemaModel.Shopify);
        if (BulkQueryWriter.Problem(document) is { } problem)
        {
            return new BulkRunResult(null, [new UserError(["query"], problem, "INVALID")]);
        }

        var operation = new BulkOperationEntity(operations.Count + 1, query, store.Time.GetUtcNow());
        operations[operation.Number] = operation;
        Current = operation;
        var cancellation = stopping.Token;
        _ = Task.Run(() => ExecuteAsync(operation, document, cancellation), CancellationToken.None);
        return new BulkRunResult(operation, []);
    }

    public BulkOperationEntity? Find(string id)
    {
        const string prefix = "gid://shopify/BulkOperation/";
        return id.StartsWith(prefix, StringComparison.Ordinal) && long.TryParse(id.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? Refresh(operations.GetValueOrDefault(number))
            : null;
    }

    /// <summary>The signed result URL, valid until the result expires; null while running, after expiry, or when empty.</summary>
    public string? Url(BulkOperationEntity operation)
    {
        if (operation.Status != "COMPLETED" || operation.FilePath is null || BaseAddress is null)
        {
            return null;
        }

        var expires = (operation.CompletedAt!.Value + options.BulkResultLifetime).ToUnixTimeSeconds();
        return new Uri(BaseAddress, string.Create(CultureInfo.InvariantCulture, $"_sandbox/bulk/{operation.Number}.jsonl?expires={expires}&signature={Sign(operation.Number, expires)}")).ToString();
    }

    /// <summary>The result file a download may read, or the HTTP status and message refusing it.</summary>
    public (string? Path, int Status, string? Error) Open(long number, long? expires, string? signature, bool carriesToken)
    {
        Interlocked.Increment(ref downloads);
        if (carriesToken)
        {
            Interlocked.Increment(ref downloadsWithToken);
        }

        if (expires is null || signature is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature), Encoding.ASCII.GetBytes(Sign(number, expires.Value))))
        {
            return (null, 403, "SignatureDoesNotMatch");
        }

        if (store.Time.GetUtcNow().ToUnixTimeSeconds() > expires)
        {
            return (null, 400, "ExpiredToken");
        }

        lock (store.Gate)
        {
            return operations.GetValueOrDefault(number) is { FilePath: { } path } operation && Refresh(operation)!.Status == "COMPLETED" ? (path, 200, null) : (null, 404, "NoSuchKey");
        }
    }

    public void Dispose()
    {
        stopping.Cancel();
        stopping.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A download still streaming keeps a file open; the temp folder is cleaned by the system.
        }
    }

    private BulkOperationEntity? Refresh(BulkOperationEntity? operation)
    {
        if (operation is { Status: "COMPLETED", CompletedAt: { } completed } && store.Time.GetUtcNow() > completed + options.BulkResultLifetime)
        {
            operation.Status = "EXPIRED";
        }

        return operation;
    }

    private async Task ExecuteAsync(BulkOperationEntity operation, PreparedDocument document, CancellationToken cancellation)
    {
        try
        {
            var half = options.BulkOperationDelay / 2;
            await Task.Delay(half, store.Time, cancellation);
            lock (store.Gate)
            {
                operation.Status = "RUNNING";
            }

            await Task.Delay(half, store.Time, cancellation);
            var path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{operation.Number}.jsonl"));
            // Written under the store lock: the file is one consistent picture of the shop, as Shopify's snapshot is.
            lock (store.Gate)
            {
                using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                {
                    (operation.ObjectCount, operation.RootObjectCount) = BulkQueryWriter.Write(file, document, store);
                    operation.FileSize = file.Length;
                }

                operation.FilePath = operation.ObjectCount == 0 ? null : path;
                operation.CompletedAt = store.Time.GetUtcNow();
                operation.Status = "COMPLETED";
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception exception) when (exception is GraphQLRequestException or IOException or InvalidOperationException or KeyNotFoundException or ArgumentException or InvalidCastException or System.Text.Json.JsonException)
        {
            lock (store.Gate)
            {
                operation.Status = "FAILED";
                operation.ErrorCode = "INTERNAL_SERVER_ERROR";
                operation.CompletedAt = store.Time.GetUtcNow();
            }
        }
    }

    private string Sign(long number, long expires) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(signingKey, Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{number}:{expires}"))));
}
