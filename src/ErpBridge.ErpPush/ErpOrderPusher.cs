using System.ServiceModel;
using System.ServiceModel.Security;
using System.Text.RegularExpressions;
using System.Xml;
using ErpBridge.ErpPush.Contract;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ErpBridge.ErpPush;

/// <summary>
/// The WCF client of the ERP's OrderReceiverService: BasicHttpBinding (SOAP 1.1) over HTTPS with pre-emptive HTTP
/// Basic, plain HTTP only when <see cref="ErpEndpointOptions.AllowHttp"/> says so. One instance per endpoint: the
/// channel factory is built once and shared; each push uses its own channel.
/// </summary>
public sealed partial class ErpOrderPusher : IErpOrderPusher, IErpAuditSender, IDisposable
{
    private readonly ChannelFactory<IOrderReceiver> factory;
    private readonly ILogger logger;
    private readonly TimeSpan timeout;

    /// <exception cref="ArgumentException">The options cannot work (see <see cref="ErpEndpointOptions.Validate"/>).</exception>
    public ErpOrderPusher(ErpEndpointOptions options, ILogger<ErpOrderPusher>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("The ERP endpoint options cannot work: " + string.Join(" ", problems), nameof(options));
        }

        var url = options.Url!;
        var https = url.Scheme == Uri.UriSchemeHttps;
        timeout = options.Timeout;
        this.logger = logger ?? NullLogger<ErpOrderPusher>.Instance;
        var binding = new BasicHttpBinding(https ? BasicHttpSecurityMode.Transport : BasicHttpSecurityMode.None)
        {
            OpenTimeout = options.Timeout,
            SendTimeout = options.Timeout,
            ReceiveTimeout = options.Timeout,
            CloseTimeout = options.Timeout,
            MaxReceivedMessageSize = options.MaxReceivedMessageSize,
        };
        binding.Security.Transport.ClientCredentialType = HttpClientCredentialType.None;
        factory = new ChannelFactory<IOrderReceiver>(binding, new EndpointAddress(url));
        factory.Endpoint.EndpointBehaviors.Add(new BasicAuthenticationBehavior(options.UserName, options.Password));
        if (https && !string.IsNullOrWhiteSpace(options.TrustedServerCertificateSha256))
        {
            factory.Credentials.ServiceCertificate.SslCertificateAuthentication = new X509ServiceCertificateAuthentication
            {
                CertificateValidationMode = X509CertificateValidationMode.Custom,
                CustomCertificateValidator = new PinnedCertificateValidator(options.TrustedServerCertificateSha256),
            };
        }
    }

    public async Task<ErpPushResult> PushAsync(ErpPushRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Document);
        if (request.MessageId is null || !MessageIdPattern().IsMatch(request.MessageId))
        {
            return ErpPushResult.Permanent($"MessageId '{request.MessageId}' is not 1 to 128 characters of letters, digits, '.', '_', ':' and '-'.");
        }

        if (!ErpChangeType.IsValid(request.ChangeType))
        {
            return ErpPushResult.Permanent($"ChangeType must be New, Update or Cancellation, not '{request.ChangeType}'.");
        }

        var message = new ReceiveOrderRequestMessage
        {
            MessageId = request.MessageId,
            ChangeType = request.ChangeType,
            Document = new OrderDocument { Content = ToXmlElement(request.Document) },
        };

        var channel = factory.CreateChannel();
        var communication = (IClientChannel)channel;
        var result = await SendAsync(channel, communication, message, ct);
        Log(request, result);
        return result;
    }

    public async Task<ErpPushResult> SendAuditAsync(string messageId, System.Xml.Linq.XElement document, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (messageId is null || !MessageIdPattern().IsMatch(messageId))
        {
            return ErpPushResult.Permanent($"MessageId '{messageId}' is not 1 to 128 characters of letters, digits, '.', '_', ':' and '-'.");
        }

        var message = new ReceiveAuditRequestMessage { MessageId = messageId, Document = new OrderDocument { Content = ToXmlElement(document) } };
        var channel = factory.CreateChannel();
        var result = await CallAsync(
            (IClientChannel)channel,
            async () =>
            {
                var response = await channel.ReceiveAuditAsync(message).WaitAsync(ct);
                return string.IsNullOrWhiteSpace(response.IdocNumber) || string.IsNullOrWhiteSpace(response.Status)
                    ? ErpPushResult.Permanent("The ERP answered the audit without IdocNumber or Status.")
                    : ErpPushResult.Accept(response.IdocNumber.Trim(), response.Status.Trim());
            },
            ct);
        if (result.Accepted)
        {
            logger.LogInformation("ERP audit {MessageId}: {Status} as IDoc {IdocNumber}", messageId, result.Status, result.ErpDocumentNumber);
        }
        else
        {
            logger.LogWarning("ERP audit {MessageId} failed: {Result}", messageId, result);
        }

        return result;
    }

    public void Dispose()
    {
        try
        {
            factory.Close(timeout);
        }
        catch (Exception exception) when (exception is CommunicationException or TimeoutException)
        {
            factory.Abort();
        }
    }

    private static Task<ErpPushResult> SendAsync(IOrderReceiver channel, IClientChannel communication, ReceiveOrderRequestMessage message, CancellationToken ct) =>
        CallAsync(
            communication,
            async () =>
            {
                var response = await channel.ReceiveOrderAsync(message).WaitAsync(ct);
                return string.IsNullOrWhiteSpace(response.ErpDocumentNumber) || string.IsNullOrWhiteSpace(response.Status)
                    ? ErpPushResult.Permanent("The ERP answered without ErpDocumentNumber or Status.")
                    : ErpPushResult.Accept(response.ErpDocumentNumber.Trim(), response.Status.Trim());
            },
            ct);

    /// <summary>One call on its own channel: the answer, or the failure classified; the channel closed either way.</summary>
    private static async Task<ErpPushResult> CallAsync(IClientChannel communication, Func<Task<ErpPushResult>> call, CancellationToken ct)
    {
        var succeeded = false;
        try
        {
            var result = await call();
            succeeded = true;
            return result;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return ErpFailureClassifier.Classify(exception);
        }
        finally
        {
            Close(communication, succeeded);
        }
    }

    private static void Close(IClientChannel communication, bool gracefully)
    {
        if (gracefully && communication.State == CommunicationState.Opened)
        {
            try
            {
                communication.Close();
                return;
            }
            catch (Exception exception) when (exception is CommunicationException or TimeoutException)
            {
                // Aborted below.
            }
        }

        communication.Abort();
    }

    private static XmlElement ToXmlElement(System.Xml.Linq.XElement element)
    {
        var document = new XmlDocument { XmlResolver = null };
        using (var reader = element.CreateReader())
        {
            document.Load(reader);
        }

        return document.DocumentElement!;
    }

    private void Log(ErpPushRequest request, ErpPushResult result)
    {
        if (result.Accepted)
        {
            logger.LogInformation("ERP push {MessageId} ({ChangeType}): {Status} as {ErpDocumentNumber}", request.MessageId, request.ChangeType, result.Status, result.ErpDocumentNumber);
        }
        else
        {
            logger.LogWarning("ERP push {MessageId} ({ChangeType}) failed: {Result}", request.MessageId, request.ChangeType, result);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._:\\-]{1,128}$")]
    private static partial Regex MessageIdPattern();
}
