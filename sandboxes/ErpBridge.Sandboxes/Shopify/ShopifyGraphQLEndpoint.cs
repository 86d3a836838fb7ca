using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ErpBridge.Sandboxes.Shopify.GraphQL;
using Microsoft.AspNetCore.Http;

namespace ErpBridge.Sandboxes.Shopify;

/// <summary>
/// <c>POST /admin/api/{version}/graphql.json</c>: faults, auth, version, then parse (cached), validate, coerce,
/// charge the cost bucket, run under the store lock and project the selections. Every answer carries
/// <c>extensions.cost</c>; throttling is HTTP 200 with a THROTTLED error, as the real API does.
/// </summary>
internal sealed class ShopifyGraphQLEndpoint(ShopifySandboxOptions options, ShopifyStore store, ShopifyCostBucket bucket, ShopifyFaults faults)
{
    private const string InvalidToken = "[API] Invalid API key or access token (unrecognized login or wrong password)";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly byte[] token = Encoding.UTF8.GetBytes(options.AccessToken);

    private readonly HashSet<string> versions = new(options.ApiVersions, StringComparer.Ordinal);

    private const int MaxLoggedRequests = 1_000;

    private readonly Queue<ShopifyGraphQLRequest> received = new();

    private long requestCount;

    /// <summary>The most recent requests that reached the GraphQL executor, oldest first (the last 1,000), for contract checks of what a client sends.</summary>
    public IReadOnlyList<ShopifyGraphQLRequest> Received
    {
        get
        {
            lock (received)
            {
                return [.. received];
            }
        }
    }

    /// <summary>GraphQL requests received, whatever came of them.</summary>
    public long RequestCount => Interlocked.Read(ref requestCount);

    private long throttledCount;
    private long pointsCharged;

    /// <summary>Requests answered THROTTLED (for benchmarks of a client's pacing).</summary>
    public long ThrottledCount => Interlocked.Read(ref throttledCount);

    /// <summary>Cost points actually charged to the bucket so far.</summary>
    public long PointsCharged => Interlocked.Read(ref pointsCharged);

    public async Task HandleAsync(HttpContext http, string version)
    {
        Interlocked.Increment(ref requestCount);
        if (faults.Delay > TimeSpan.Zero)
        {
            await Task.Delay(faults.Delay, http.RequestAborted);
        }

        if (faults.TakeFailure() is { } failure)
        {
            if (failure == StatusCodes.Status429TooManyRequests)
            {
                http.Response.Headers.RetryAfter = "2.0";
            }

            await WritePlainError(http, failure, failure == 429 ? "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service." : "Internal Server Error");
            return;
        }

        var presented = Encoding.UTF8.GetBytes(http.Request.Headers["X-Shopify-Access-Token"].ToString());
        if (!CryptographicOperations.FixedTimeEquals(presented, token))
        {
            await WritePlainError(http, StatusCodes.Status401Unauthorized, InvalidToken);
            return;
        }

        if (!versions.Contains(version))
        {
            await WritePlainError(http, StatusCodes.Status404NotFound, "Not Found");
            return;
        }

        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (JsonException)
        {
            await WritePlainError(http, StatusCodes.Status400BadRequest, "Bad Request");
            return;
        }

        using (body)
        {
            var root = body.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                http.Response.ContentType = "application/json; charset=utf-8";
                await http.Response.WriteAsync("{\"errors\":{\"query\":\"Required parameter missing or invalid\"}}", http.RequestAborted);
                return;
            }

            JsonElement? variables = root.TryGetProperty("variables", out var v) ? v : null;
            lock (received)
            {
                if (received.Count >= MaxLoggedRequests)
                {
                    received.Dequeue();
                }

                received.Enqueue(new ShopifyGraphQLRequest(http.Request.Path, query.GetString()!, variables?.GetRawText()));
            }

            var operationName = root.TryGetProperty("operationName", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
            var output = new ArrayBufferWriter<byte>(1024);
            Answer(query.GetString()!, variables, operationName, output);
            http.Response.ContentType = "application/json; charset=utf-8";
            http.Response.Headers["X-Shopify-API-Version"] = version;
            await http.Response.Body.WriteAsync(output.WrittenMemory, http.RequestAborted);
        }
    }

    private void Answer(string query, JsonElement? variableJson, string? operationName, IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        var schema = SchemaModel.Shopify;
        var prepared = PreparedDocument.Get(query, schema);
        if (prepared.Errors.Count > 0)
        {
            WriteErrors(writer, prepared.Errors, 0, null, bucket.Refund(0));
            return;
        }

        var requested = 0;
        var charged = false;
        try
        {
            var operation = prepared.SelectOperation(operationName);
            var variables = GraphQL.ExecutionContext.CoerceVariables(schema, prepared, operation, variableJson);
            var context = new GraphQL.ExecutionContext(schema, prepared, variables, store);
            requested = QueryCost.Requested(context, operation);
            // A query the bucket could never hold is refused outright rather than throttled forever.
            var maxCost = bucket.Enabled ? (int)Math.Min(options.MaxQueryCost, bucket.Maximum) : options.MaxQueryCost;
            if (requested > maxCost)
            {
                var message = $"Query cost is {requested}, which exceeds the single query max cost limit ({maxCost}).";
                WriteErrors(writer, [new GraphQLError(message, "MAX_COST_EXCEEDED") { Extensions = [new("cost", requested), new("maxCost", maxCost)] }], requested, null, bucket.Refund(0));
                return;
            }

            if (!bucket.TryTake(requested, out var throttled))
            {
                Interlocked.Increment(ref throttledCount);
                WriteErrors(writer, [new GraphQLError("Throttled", "THROTTLED") { Extensions = [new("documentation", "https://shopify.dev/api/usage/rate-limits")] }], requested, null, throttled);
                return;
            }

            charged = true;
            var data = new ArrayBufferWriter<byte>(1024);
            using (var dataWriter = new Utf8JsonWriter(data, WriterOptions))
            {
                var isMutation = operation.Operation == GraphQLParser.AST.OperationType.Mutation;
                IGraphNode rootNode = isMutation ? new MutationNode(store) : new QueryRootNode(store);
                lock (store.Gate)
                {
                    context.WriteObject(dataWriter, rootNode, isMutation ? schema.Mutation : schema.Query, operation.SelectionSet);
                }
            }

            var actual = operation.Operation == GraphQLParser.AST.OperationType.Mutation ? requested : Math.Min(context.ActualCost, requested);
            var status = bucket.Refund(requested - actual);
            Interlocked.Add(ref pointsCharged, actual);
            writer.WriteStartObject();
            writer.WritePropertyName("data");
            writer.WriteRawValue(data.WrittenSpan, skipInputValidation: true);
            WriteCost(writer, requested, actual, status);
            writer.WriteEndObject();
        }
        catch (GraphQLRequestException exception)
        {
            WriteErrors(writer, [exception.Error], requested, null, charged ? bucket.Refund(requested) : bucket.Refund(0));
        }
    }

    private static void WriteErrors(Utf8JsonWriter writer, IReadOnlyList<GraphQLError> errors, int requested, int? actual, ThrottleStatus status)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("errors");
        foreach (var error in errors)
        {
            error.Write(writer);
        }

        writer.WriteEndArray();
        WriteCost(writer, requested, actual, status);
        writer.WriteEndObject();
    }

    private static void WriteCost(Utf8JsonWriter writer, int requested, int? actual, ThrottleStatus status)
    {
        writer.WriteStartObject("extensions");
        writer.WriteStartObject("cost");
        writer.WriteNumber("requestedQueryCost", requested);
        if (actual is { } value)
        {
            writer.WriteNumber("actualQueryCost", value);
        }
        else
        {
            writer.WriteNull("actualQueryCost");
        }

        writer.WriteStartObject("throttleStatus");
        writer.WriteNumber("maximumAvailable", status.MaximumAvailable);
        writer.WriteNumber("currentlyAvailable", status.CurrentlyAvailable);
        writer.WriteNumber("restoreRate", status.RestoreRate);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static async Task WritePlainError(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string> { ["errors"] = message }), http.RequestAborted);
    }
}
