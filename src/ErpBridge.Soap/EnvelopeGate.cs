using System.Buffers;
using ErpBridge.Core.Intake;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace ErpBridge.Soap;

/// <summary>
/// Stands in front of SoapCore on the service path. It buffers the body (bounded by the size limit), lets
/// <see cref="EnvelopeInspector"/> check it and answers refusals itself. Intake operations that passed it runs itself
/// (<see cref="IntakeDispatch"/>); other requests that passed go on to SoapCore, with the SOAP action set from the body
/// element (SAP's default SOAPAction names no operation).
/// </summary>
public sealed class EnvelopeGate(RequestDelegate next, SoapOptions options, EnvelopeInspector inspector, ILogger<EnvelopeGate> logger, ILogger<FaultTransformer> faultLogger)
{
    public const string CorrelationHeader = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        // SoapCore also answers below its path (/ErpBridgeService.svc/, /ErpBridgeService.svc/Op): nothing but the
        // contract (GET ?wsdl, ?xsd) and POST on the path itself may pass, or requests would skip this gate.
        if (!context.Request.Path.StartsWithSegments(options.Path, StringComparison.OrdinalIgnoreCase, out var rest))
        {
            await next(context);
            return;
        }

        if (rest.HasValue || !HttpMethods.IsPost(context.Request.Method))
        {
            if (!rest.HasValue && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = rest.HasValue ? StatusCodes.Status404NotFound : StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var request = new RequestContext(Guid.NewGuid().ToString("N"));
        request.AttachTo(context);
        context.Response.Headers[CorrelationHeader] = request.CorrelationId;
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = request.CorrelationId });

        var announced = AnnouncedVersion(context.Request.ContentType);
        if (announced is null)
        {
            await RefuseAsync(context, SoapVersion.Soap11, SoapFault.Client(FaultCodes.UnsupportedMediaType, $"Content-Type '{context.Request.ContentType}' is not text/xml (SOAP 1.1) or application/soap+xml (SOAP 1.2).", request.CorrelationId), StatusCodes.Status415UnsupportedMediaType);
            return;
        }

        request.Version = announced.Value;
        var buffer = await ReadBodyAsync(context.Request, context.RequestAborted);
        if (buffer is null)
        {
            await RefuseAsync(context, announced.Value, SoapFault.Client(FaultCodes.MessageTooLarge, $"The request is larger than the limit of {options.MaxMessageBytes} bytes.", request.CorrelationId), StatusCodes.Status413PayloadTooLarge);
            return;
        }

        try
        {
            GateResult result;
            try
            {
                result = inspector.Inspect(buffer.Value, announced.Value, context.Request.Headers.Authorization, request);
            }
#pragma warning disable CA1031 // A defect while reading the request is an internal fault with a correlation id, not a bare 500.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                await WriteFaultAsync(context, request.Version, FaultTransformer.ToFault(ex, request, faultLogger), null);
                return;
            }

            if (result.Fault is { } fault)
            {
                await RefuseAsync(context, request.Version, fault, null);
                return;
            }

            var operation = result.Operation!;
            using var messageScope = request.MessageId is null ? null : logger.BeginScope(new Dictionary<string, object> { ["MessageId"] = request.MessageId });
            if (result.Intake is { } intake)
            {
                await RunIntakeAsync(context, request, intake, result.Request!);
                return;
            }

            context.Request.Body = new MemoryStream(buffer.Value.Array!, buffer.Value.Offset, buffer.Value.Count, writable: false);
            context.Request.ContentLength = buffer.Value.Count;
            SetAction(context.Request, announced.Value, operation.Action);
            await next(context);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer.Value.Array!);
        }
    }

    /// <summary>Runs an intake operation on the request object the inspector read, and writes its response or fault.</summary>
    private async Task RunIntakeAsync(HttpContext context, RequestContext request, IntakeOperation intake, object value)
    {
        byte[] bytes;
        try
        {
            var service = context.RequestServices.GetRequiredService<ErpBridgeService>();
            var response = await intake.InvokeAsync(service, value);
            bytes = IntakeDispatch.ResponseEnvelope(request.Version, intake, response);
        }
#pragma warning disable CA1031 // Whatever the operation threw becomes this service's fault, as FaultTransformer does for SoapCore.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await WriteFaultAsync(context, request.Version, FaultTransformer.ToFault(ex, request, faultLogger), null);
            return;
        }

        await WriteEnvelopeAsync(context, request.Version, bytes, StatusCodes.Status200OK);
    }

    private async Task RefuseAsync(HttpContext context, SoapVersion version, SoapFault fault, int? status)
    {
        logger.LogWarning("Refused request: {FaultCode} {FaultReason}", fault.Code, fault.Reason);
        await WriteFaultAsync(context, version, fault, status);
    }

    private static Task WriteFaultAsync(HttpContext context, SoapVersion version, SoapFault fault, int? status) =>
        WriteEnvelopeAsync(context, version, FaultWriter.Envelope(version, fault), status ?? FaultWriter.HttpStatus);

    private static async Task WriteEnvelopeAsync(HttpContext context, SoapVersion version, byte[] envelope, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = version.MediaType() + "; charset=utf-8";
        context.Response.ContentLength = envelope.Length;
        await context.Response.Body.WriteAsync(envelope, context.RequestAborted);
    }

    /// <summary>The body in a pooled buffer, or null when it exceeds the limit. The caller returns the buffer.</summary>
    private async Task<ArraySegment<byte>?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = options.MaxMessageBytes;
        if (request.ContentLength > limit)
        {
            return null;
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)(request.ContentLength ?? 16 * 1024) + 1);
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length > limit)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return null;
                }

                var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, limit + 1));
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }

            var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        if (length > limit)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return null;
        }

        return new ArraySegment<byte>(buffer, 0, length);
    }

    private static SoapVersion? AnnouncedVersion(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return null;
        }

        return media.MediaType.Value?.ToLowerInvariant() switch
        {
            "text/xml" => SoapVersion.Soap11,
            "application/soap+xml" => SoapVersion.Soap12,
            _ => null,
        };
    }

    /// <summary>Dispatch follows the body element: the action is set to that operation's, whatever the client sent.</summary>
    private static void SetAction(HttpRequest request, SoapVersion version, string action)
    {
        if (version == SoapVersion.Soap11)
        {
            request.Headers["SOAPAction"] = "\"" + action + "\"";
            return;
        }

        var media = MediaTypeHeaderValue.Parse(request.ContentType);
        var parameters = media.Parameters.Where(p => !p.Name.Equals("action", StringComparison.OrdinalIgnoreCase)).ToList();
        parameters.Add(new NameValueHeaderValue("action", "\"" + action + "\""));
        media.Parameters.Clear();
        foreach (var parameter in parameters)
        {
            media.Parameters.Add(parameter);
        }

        request.ContentType = media.ToString();
        request.Headers.Remove("SOAPAction");
    }
}
