using System.Buffers;
using ErpBridge.Core.Intake;
using ErpBridge.Core.Metrics;
using ErpBridge.Core.Security;
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
public sealed class EnvelopeGate(RequestDelegate next, SoapOptions options, EnvelopeInspector inspector, ClientAuthenticator authenticator, ILogger<EnvelopeGate> logger, ILogger<FaultTransformer> faultLogger, BridgeMetrics? metrics = null)
{
    public const string CorrelationHeader = "X-Correlation-Id";

    // What a body buffer starts at, whatever Content-Length announces; it grows with the bytes that arrive.
    private const int InitialBufferBytes = 16 * 1024;

    // The longest user name a log line quotes: it comes from the request and may be megabytes.
    private const int LoggedUserNameLength = 128;

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
            await RefuseAsync(context, SoapVersion.Soap11, SoapFault.Client(FaultCodes.UnsupportedMediaType, $"Content-Type '{context.Request.ContentType}' is not text/xml (SOAP 1.1) or application/soap+xml (SOAP 1.2).", request.CorrelationId), StatusCodes.Status415UnsupportedMediaType, request);
            return;
        }

        request.Version = announced.Value;
        request.SourceAddress = context.Connection.RemoteIpAddress;
        if (authenticator.IsThrottled(request.SourceAddress))
        {
            // Refused before the body is read: a throttled address costs neither buffer nor parse.
            request.AuthenticationThrottled = true;
            await RefuseAsync(context, announced.Value, SoapFault.Client(FaultCodes.AuthenticationFailed, "Authentication failed.", request.CorrelationId), null, request);
            return;
        }

        var buffer = await ReadBodyAsync(context.Request, context.RequestAborted);
        if (buffer is null)
        {
            await RefuseAsync(context, announced.Value, SoapFault.Client(FaultCodes.MessageTooLarge, $"The request is larger than the limit of {options.MaxMessageBytes} bytes.", request.CorrelationId), StatusCodes.Status413PayloadTooLarge, request);
            return;
        }

        try
        {
            GateResult result;
            try
            {
                result = await inspector.InspectAsync(buffer.Value, announced.Value, context.Request.Headers.Authorization, request, context.RequestAborted);
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
                await RefuseAsync(context, request.Version, fault, null, request);
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

    private async Task RefuseAsync(HttpContext context, SoapVersion version, SoapFault fault, int? status, RequestContext request)
    {
        if (fault.Code == FaultCodes.AuthenticationFailed)
        {
            // Who tried and from where, never what they presented as the secret.
            var user = request.PresentedUserName is { Length: > LoggedUserNameLength } presented ? presented[..LoggedUserNameLength] + "…" : request.PresentedUserName;
            logger.LogWarning(
                "Refused request: {FaultCode} for user name {UserName} from {SourceAddress}, throttled {Throttled}",
                fault.Code,
                user,
                request.SourceAddress?.ToString(),
                request.AuthenticationThrottled);
        }
        else
        {
            logger.LogWarning("Refused request: {FaultCode} {FaultReason}", fault.Code, fault.Reason);
        }

        await WriteFaultAsync(context, version, fault, status);
    }

    private Task WriteFaultAsync(HttpContext context, SoapVersion version, SoapFault fault, int? status)
    {
        metrics?.Fault(fault.Code);
        return WriteEnvelopeAsync(context, version, FaultWriter.Envelope(version, fault), status ?? FaultWriter.HttpStatus);
    }

    private static async Task WriteEnvelopeAsync(HttpContext context, SoapVersion version, byte[] envelope, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = version.MediaType() + "; charset=utf-8";
        context.Response.ContentLength = envelope.Length;
        await context.Response.Body.WriteAsync(envelope, context.RequestAborted);
    }

    /// <summary>
    /// The body in a pooled buffer, or null when it exceeds the limit. The caller returns the buffer. The buffer grows
    /// with the bytes that arrive (doubling, so never beyond twice what was received), not from Content-Length: a client
    /// that announces megabytes and sends a few bytes, or none, gets no large buffer before its credentials are known.
    /// </summary>
    private async Task<ArraySegment<byte>?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = options.MaxMessageBytes;
        if (request.ContentLength > limit)
        {
            return null;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialBufferBytes, limit));
        var length = 0;
        while (true)
        {
            // The pool may hand out more than asked for; never more than the limit is filled.
            var capacity = Math.Min(buffer.Length, limit);
            if (length == capacity)
            {
                if (length == limit)
                {
                    // Full at the limit: one more byte, read into a scratch byte, decides.
                    var probe = new byte[1];
                    if (await request.Body.ReadAsync(probe, cancellationToken) > 0)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        return null;
                    }

                    break;
                }

                var larger = ArrayPool<byte>.Shared.Rent(Math.Min(length * 2, limit));
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
                capacity = Math.Min(buffer.Length, limit);
            }

            var read = await request.Body.ReadAsync(buffer.AsMemory(length, capacity - length), cancellationToken);
            if (read == 0)
            {
                break;
            }

            length += read;
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
