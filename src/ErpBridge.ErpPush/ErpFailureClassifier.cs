using System.Net.Sockets;
using System.ServiceModel;
using System.ServiceModel.Security;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using ErpBridge.Core.Delivery;

namespace ErpBridge.ErpPush;

/// <summary>
/// Turns what the WCF client threw into a push result. Because the receiver processes a MessageId once, repeating a
/// push is always safe; so anything that may pass (timeouts, lost connections, 5xx, 429, unreadable answers, Server
/// faults with Code TryLater) is transient, and only what the ERP refused for good or the configuration gets wrong
/// (Client faults, other Server faults, 401/403, 404, other 4xx) is permanent.
/// </summary>
internal static partial class ErpFailureClassifier
{
    /// <summary>The er:ReceiveOrderFault code with which a Server fault says "send the same hand-over again later".</summary>
    public const string TryLaterCode = "TryLater";

    private static readonly XNamespace Receiver = Contract.ReceiverNamespaces.Messages;

    public static ErpPushResult Classify(Exception exception) => exception switch
    {
        FaultException fault => FromFault(fault),
        TimeoutException => ErpPushResult.Transient("The ERP did not answer in time: " + exception.Message),
        MessageSecurityException => ErpPushResult.Permanent("The ERP refused the credentials (HTTP 401/403): check UserName and Password. " + exception.Message),
        SecurityNegotiationException => ErpPushResult.Permanent("The ERP's TLS certificate is not trusted (check the Url, or TrustedServerCertificateSha256 for an internal CA): " + Innermost(exception).Message),
        ServerTooBusyException => ErpPushResult.Transient("The ERP is unavailable (HTTP 503): " + exception.Message),
        EndpointNotFoundException when CannotConnect(exception) => ErpPushResult.Transient("Cannot connect to the ERP: " + Innermost(exception).Message),
        EndpointNotFoundException => ErpPushResult.Permanent("No order receiver at the configured Url (HTTP 404): " + exception.Message),
        ProtocolException when HttpStatus(exception) is { } status => FromStatus(status, exception.Message),
        ProtocolException => ErpPushResult.Transient("The ERP's answer could not be read: " + exception.Message),
        CommunicationException when HttpStatus(exception) is { } status => FromStatus(status, exception.Message),
        CommunicationException => ErpPushResult.Transient("The connection to the ERP failed: " + Innermost(exception).Message),
        XmlException or InvalidOperationException => ErpPushResult.Transient("The ERP's answer could not be read: " + exception.Message),
        HttpRequestException or SocketException or IOException => ErpPushResult.Transient("The connection to the ERP failed: " + exception.Message),
        _ => ErpPushResult.Transient($"Unexpected failure ({exception.GetType().Name}): {exception.Message}"),
    };

    private static ErpPushResult FromFault(FaultException fault)
    {
        var (code, text) = Detail(fault);
        var reason = text ?? fault.Message;
        var described = code is null ? reason : $"{code}: {reason}";
        var name = fault.Code?.Name ?? "";
        var isSender = fault.Code is { IsSenderFault: true } || name is "Client" or "Sender";
        if (isSender)
        {
            return ErpPushResult.Permanent("The ERP refused the order: " + described);
        }

        if (name is "VersionMismatch" or "MustUnderstand")
        {
            return ErpPushResult.Permanent("The ERP does not understand the request: " + described);
        }

        // A Server fault: the ERP itself failed. Only a TryLater code, or a fault without a detail (a crash, not a
        // decision), is worth repeating.
        return code is null || string.Equals(code, TryLaterCode, StringComparison.OrdinalIgnoreCase)
            ? ErpPushResult.Transient("The ERP could not process the order now: " + described)
            : ErpPushResult.Permanent("The ERP refused the order: " + described);
    }

    /// <summary>The er:ReceiveOrderFault Code and Text, when the fault carries one.</summary>
    private static (string? Code, string? Text) Detail(FaultException fault)
    {
        try
        {
            var messageFault = fault.CreateMessageFault();
            if (!messageFault.HasDetail)
            {
                return (null, null);
            }

            using var reader = messageFault.GetReaderAtDetailContents();
            var detail = XElement.Parse(reader.ReadOuterXml());
            if (detail.Name != Receiver + "ReceiveOrderFault")
            {
                return (null, null);
            }

            return ((string?)detail.Element(Receiver + "Code"), (string?)detail.Element(Receiver + "Text"));
        }
        catch (Exception exception) when (exception is XmlException or InvalidOperationException)
        {
            return (null, null);
        }
    }

    private static ErpPushResult FromStatus(int status, string message) => status switch
    {
        429 => ErpPushResult.Transient("The ERP is rate limiting (HTTP 429): " + message),
        _ when TransientStatus.Is(status) => ErpPushResult.Transient($"The ERP failed (HTTP {status}): {message}"),
        401 or 403 => ErpPushResult.Permanent($"The ERP refused the credentials (HTTP {status}): check UserName and Password."),
        _ => ErpPushResult.Permanent($"The ERP refused the request (HTTP {status}): {message}"),
    };

    private static bool CannotConnect(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException or HttpRequestException { StatusCode: null })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The HTTP status WCF reports in its message ("... (429) Too Many Requests") or carries in an inner HttpRequestException.</summary>
    private static int? HttpStatus(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is HttpRequestException { StatusCode: { } code })
            {
                return (int)code;
            }

            if (StatusInMessage().Match(current.Message) is { Success: true } match)
            {
                return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }

    [GeneratedRegex(@"\((\d{3})\)")]
    private static partial Regex StatusInMessage();
}
