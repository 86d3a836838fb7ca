using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace ErpBridge.Sandboxes.Erp;

/// <summary>
/// ReceiveOrder and ReceiveAudit over SOAP 1.1 as an SAP inbound service would take them: HTTP Basic, the envelope read with a reader
/// that refuses DTDs and resolves nothing, exactly-once per MessageId, refusals as typed SOAP faults. GET with
/// <c>?wsdl</c> or <c>?xsd=name</c> serves the contract without authentication, as tools fetch it.
/// </summary>
internal sealed partial class ErpReceiverEndpoint(ErpSandboxOptions options, ErpOrderBook book, ErpAuditBook audits, ErpFaultInjection faults, ErpContractFiles contract)
{
    private const string XmlContentType = "text/xml; charset=utf-8";
    private static readonly XNamespace Order = "urn:erpbridge:orders:v1";

    private readonly byte[] expectedCredentials = Encoding.UTF8.GetBytes(options.UserName + ":" + options.Password);

    public async Task HandleAsync(HttpContext context)
    {
        var serviceAddress = new Uri($"{context.Request.Scheme}://{context.Request.Host}{options.ServicePath}");
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await ServeContractAsync(context, serviceAddress);
            return;
        }

        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        if (!Authenticated(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"ERP sandbox\"";
            return;
        }

        var delay = faults.Delay;
        if (delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, options.TimeProvider, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (faults.Take() is { } failure)
        {
            if (failure.Fault is { } fault)
            {
                await WriteAsync(context, 500, SoapMessages.Fault(fault.FaultCode, fault.Code, fault.Text));
            }
            else
            {
                context.Response.StatusCode = failure.Status;
                await context.Response.WriteAsync($"Injected failure {failure.Status}", context.RequestAborted);
            }

            return;
        }

        await ReceiveAsync(context);
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        if (context.Request.ContentLength > options.MaxRequestBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        XDocument envelope;
        try
        {
            envelope = await ReadEnvelopeAsync(context);
        }
        catch (XmlException exception)
        {
            await RefuseAsync(context, "Client", "InvalidRequest", "The request is not a well-formed XML document: " + exception.Message);
            return;
        }
        catch (InvalidDataException)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        if (envelope.Root?.Name == SoapMessages.Soap12 + "Envelope")
        {
            await RefuseAsync(context, "VersionMismatch", "VersionMismatch", "This receiver speaks SOAP 1.1 only (envelope namespace http://schemas.xmlsoap.org/soap/envelope/).");
            return;
        }

        var request = envelope.Root?.Name == SoapMessages.Soap11 + "Envelope"
            ? envelope.Root.Element(SoapMessages.Soap11 + "Body")?.Elements().FirstOrDefault()
            : null;
        if (request?.Name == SoapMessages.Receiver + "ReceiveAudit")
        {
            await ReceiveAuditAsync(context, request);
            return;
        }

        if (request is null || request.Name != SoapMessages.Receiver + "ReceiveOrder")
        {
            await RefuseAsync(context, "Client", "InvalidRequest", "Expected a SOAP 1.1 envelope whose body is er:ReceiveOrder or er:ReceiveAudit (urn:erpbridge:erp:orders:v1).");
            return;
        }

        var messageId = (string?)request.Element(SoapMessages.Receiver + "MessageId") ?? "";
        var changeType = (string?)request.Element(SoapMessages.Receiver + "ChangeType") ?? "";
        var documents = request.Element(SoapMessages.Receiver + "Document")?.Elements().ToList() ?? [];
        if (!MessageIdPattern().IsMatch(messageId))
        {
            await RefuseAsync(context, "Client", "InvalidMessageId", "MessageId must be 1 to 128 characters of letters, digits, '.', '_', ':' and '-'.");
            return;
        }

        if (!ErpChangeTypes.IsValid(changeType))
        {
            await RefuseAsync(context, "Client", "InvalidChangeType", $"ChangeType must be New, Update or Cancellation, not '{changeType}'.");
            return;
        }

        if (documents.Count != 1)
        {
            await RefuseAsync(context, "Client", "InvalidDocument", "Document must hold exactly one element: an ord:Order or an ORDERS05 IDoc.");
            return;
        }

        var (orderKey, problem) = OrderKey(documents[0], changeType);
        if (orderKey is null)
        {
            await RefuseAsync(context, "Client", "InvalidDocument", problem!);
            return;
        }

        var result = book.Receive(messageId, changeType, orderKey, documents[0]);
        if (result.Refusal is { } refusal)
        {
            await RefuseAsync(context, refusal.FaultCode, refusal.Code, refusal.Text);
            return;
        }

        await WriteAsync(context, 200, SoapMessages.Response(result.Receipt!));
    }

    /// <summary>An ALE audit: one ALEAUD01 that passes its XSD, taken once per MessageId; anything else refused as the client's fault.</summary>
    private async Task ReceiveAuditAsync(HttpContext context, XElement request)
    {
        var messageId = (string?)request.Element(SoapMessages.Receiver + "MessageId") ?? "";
        var documents = request.Element(SoapMessages.Receiver + "Document")?.Elements().ToList() ?? [];
        if (!MessageIdPattern().IsMatch(messageId))
        {
            await RefuseAsync(context, "Client", "InvalidMessageId", "MessageId must be 1 to 128 characters of letters, digits, '.', '_', ':' and '-'.");
            return;
        }

        if (documents.Count != 1 || documents[0].Name != "ALEAUD01")
        {
            await RefuseAsync(context, "Client", "InvalidDocument", "Document must hold exactly one element: an ALEAUD01 IDoc.");
            return;
        }

        var errors = contract.ValidateAudit(documents[0]);
        if (errors.Count > 0)
        {
            await RefuseAsync(context, "Client", "InvalidDocument", "The IDoc does not match ALEAUD01: " + string.Join(" ", errors.Take(3)));
            return;
        }

        var (number, status) = audits.Receive(messageId, documents[0]);
        await WriteAsync(context, 200, SoapMessages.AuditResponse(number, status));
    }

    /// <summary>The key the ERP matches orders on, or the reason the document cannot be taken.</summary>
    private (string? Key, string? Problem) OrderKey(XElement document, string changeType)
    {
        if (document.Name == Order + "Order")
        {
            var channel = (string?)document.Element(Order + "Channel");
            var number = (string?)document.Element(Order + "OrderNumber");
            return string.IsNullOrWhiteSpace(channel) || string.IsNullOrWhiteSpace(number)
                ? (null, "The order has no Channel or OrderNumber.")
                : ($"{channel.Trim()}/{number.Trim()}", null);
        }

        if (document.Name == "ORDERS05")
        {
            var errors = contract.ValidateIdoc(document);
            if (errors.Count > 0)
            {
                return (null, "The IDoc does not match ORDERS05: " + string.Join(" ", errors.Take(3)));
            }

            var idoc = document.Element("IDOC");
            var messageType = (string?)idoc?.Element("EDI_DC40")?.Element("MESTYP");
            var expected = changeType == ErpChangeTypes.New ? "ORDERS" : "ORDCHG";
            if (messageType != expected)
            {
                return (null, $"A {changeType} hand-over needs message type {expected}, the IDoc says {messageType}.");
            }

            var soldTo = idoc?.Elements("E1EDKA1").FirstOrDefault(p => (string?)p.Element("PARVW") == "AG")?.Element("PARTN")?.Value;
            var purchaseOrder = idoc?.Elements("E1EDK02").FirstOrDefault(r => (string?)r.Element("QUALF") == "001")?.Element("BELNR")?.Value;
            return string.IsNullOrWhiteSpace(soldTo) || string.IsNullOrWhiteSpace(purchaseOrder)
                ? (null, "The IDoc names no sold-to party (E1EDKA1 AG) or no customer purchase order (E1EDK02 QUALF 001).")
                : ($"{soldTo}/{purchaseOrder}", null);
        }

        return (null, $"Unknown document {document.Name}: expected ord:Order or ORDERS05.");
    }

    private async Task<XDocument> ReadEnvelopeAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > options.MaxRequestBytes)
            {
                throw new InvalidDataException("The request is too large.");
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreProcessingInstructions = true };
        using var reader = XmlReader.Create(buffer, settings);
        return XDocument.Load(reader);
    }

    private async Task ServeContractAsync(HttpContext context, Uri serviceAddress)
    {
        var query = context.Request.Query;
        var text = query.ContainsKey("wsdl") || query.ContainsKey("WSDL")
            ? contract.Wsdl(serviceAddress)
            : query.TryGetValue("xsd", out var name) ? contract.Schema(name.ToString(), serviceAddress) : null;
        if (text is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await WriteAsync(context, 200, text);
    }

    private bool Authenticated(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromBase64String(header["Basic ".Length..].Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(given, expectedCredentials);
    }

    private static Task RefuseAsync(HttpContext context, string faultCode, string code, string text) =>
        WriteAsync(context, 500, SoapMessages.Fault(faultCode, code, text));

    private static async Task WriteAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = XmlContentType;
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    [GeneratedRegex("^[A-Za-z0-9._:\\-]{1,128}$")]
    private static partial Regex MessageIdPattern();
}
