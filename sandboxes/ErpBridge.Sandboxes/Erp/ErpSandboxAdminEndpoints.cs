using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ErpBridge.Sandboxes.Erp;

/// <summary>
/// <c>GET /_sandbox/state</c> (documents, hand-overs and ALE audits) and <c>POST /_sandbox/faults</c>: the demo's window into the
/// ERP. Unauthenticated: the sandbox listens on loopback and holds no real data.
/// </summary>
internal sealed class ErpSandboxAdminEndpoints(ErpSandbox sandbox)
{
    public async Task HandleAsync(HttpContext context, string path)
    {
        switch (context.Request.Method, path)
        {
            case ("GET", "state"):
                await WriteState(context);
                break;
            case ("POST", "faults"):
                await ApplyFaults(context);
                break;
            default:
                await Json(context, 404, json => Message(json, "Unknown sandbox endpoint"));
                break;
        }
    }

    private Task WriteState(HttpContext context)
    {
        var state = sandbox.State();
        return Json(context, 200, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("documents");
            foreach (var document in state.Documents)
            {
                json.WriteStartObject();
                json.WriteString("document_number", document.DocumentNumber);
                json.WriteString("order_key", document.OrderKey);
                json.WriteBoolean("cancelled", document.Cancelled);
                json.WriteStartArray("change_types");
                foreach (var changeType in document.ChangeTypes)
                {
                    json.WriteStringValue(changeType);
                }

                json.WriteEndArray();
                json.WriteString("content", document.Content);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("receipts");
            foreach (var receipt in state.Receipts)
            {
                json.WriteStartObject();
                json.WriteString("message_id", receipt.MessageId);
                json.WriteString("change_type", receipt.ChangeType);
                json.WriteString("document_number", receipt.DocumentNumber);
                json.WriteString("status", receipt.Status);
                json.WriteString("received_at", receipt.ReceivedAt);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("audits");
            foreach (var audit in state.Audits)
            {
                json.WriteStartObject();
                json.WriteString("message_id", audit.MessageId);
                json.WriteString("idoc_number", audit.IdocNumber);
                json.WriteString("received_at", audit.ReceivedAt);
                json.WriteStartArray("confirmations");
                foreach (var confirmation in audit.Confirmations)
                {
                    json.WriteStartObject();
                    json.WriteString("docnum", confirmation.DocNum);
                    json.WriteString("message_type", confirmation.MessageType);
                    json.WriteString("status", confirmation.Status);
                    json.WriteString("status_text", confirmation.StatusText);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteString("content", audit.Content);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>
    /// Body: any of <c>fail_next</c> with <c>fail_status</c> (default 503), or with <c>fault_code</c> (Client|Server),
    /// <c>code</c> and <c>text</c> for a SOAP fault; <c>delay_ms</c>.
    /// </summary>
    private async Task ApplyFaults(HttpContext context)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException)
        {
            await Json(context, 400, json => Message(json, "Expected a JSON object."));
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            try
            {
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw new ArgumentException("Expected a JSON object.");
                }

                if (root.TryGetProperty("fail_next", out var failNext))
                {
                    if (root.TryGetProperty("fault_code", out var faultCode))
                    {
                        var code = root.TryGetProperty("code", out var c) ? c.GetString() ?? "" : "Injected";
                        var text = root.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "Injected fault";
                        sandbox.FailNext(failNext.GetInt32(), new ErpSandboxFault(faultCode.GetString() ?? "", code, text));
                    }
                    else
                    {
                        sandbox.FailNext(failNext.GetInt32(), root.TryGetProperty("fail_status", out var status) ? status.GetInt32() : 503);
                    }
                }

                if (root.TryGetProperty("delay_ms", out var delay))
                {
                    sandbox.Delay(TimeSpan.FromMilliseconds(delay.GetInt32()));
                }
            }
            catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or FormatException)
            {
                await Json(context, 400, json => Message(json, exception.Message));
                return;
            }
        }

        await Json(context, 200, json => Message(json, "ok"));
    }

    private static void Message(Utf8JsonWriter json, string text)
    {
        json.WriteStartObject();
        json.WriteString("message", text);
        json.WriteEndObject();
    }

    private static async Task Json(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        context.Response.ContentLength = buffer.Length;
        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted);
    }
}
