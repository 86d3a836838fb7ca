using System.Reflection;
using System.ServiceModel;
using System.ServiceModel.Channels;
using ErpBridge.Core.Intake;
using ErpBridge.Core.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SoapCore;
using SoapCore.Extensibility;

namespace ErpBridge.Soap;

/// <summary>
/// Turns what an operation threw into this service's fault: a rejection becomes a client fault with its code;
/// anything else is an internal error whose detail stays in the log, and the caller gets only the correlation id.
/// </summary>
public sealed class FaultTransformer(IHttpContextAccessor http, ILogger<FaultTransformer> logger, BridgeMetrics? metrics = null) : IFaultExceptionTransformer
{
    public Message ProvideFault(Exception exception, MessageVersion messageVersion, Message requestMessage, ConcurrentXmlNamespaceLookup xmlNamespaceLookup)
    {
        var version = messageVersion.Envelope == EnvelopeVersion.Soap11 ? SoapVersion.Soap11 : SoapVersion.Soap12;
        var fault = ToFault(exception, RequestContext.Of(http.HttpContext), logger);
        metrics?.Fault(fault.Code);
        var message = Message.CreateMessage(messageVersion, null, new FaultBodyWriter(version, fault));

        // SoapCore sets the status from this property after asking for the fault.
        message.Properties[HttpResponseMessageProperty.Name] = new HttpResponseMessageProperty { StatusCode = (System.Net.HttpStatusCode)FaultWriter.HttpStatus };
        return message;
    }

    /// <summary>The fault for what an operation threw, logged: a rejection with its code, anything else as internal.</summary>
    internal static SoapFault ToFault(Exception exception, RequestContext? request, ILogger logger)
    {
        var correlationId = request?.CorrelationId ?? Guid.NewGuid().ToString("N");
        if (Unwrap(exception) is IntakeRejectedException rejected)
        {
            var fault = SoapFault.Client(rejected.Code, rejected.Reason, correlationId);
            logger.LogWarning("Refused {Operation}: {FaultCode} {FaultReason}", request?.Operation, fault.Code, fault.Reason);
            return fault;
        }

        logger.LogError(exception, "Internal error in {Operation}", request?.Operation);
        return SoapFault.Internal(correlationId);
    }

    private static Exception Unwrap(Exception exception) => exception switch
    {
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
        _ => exception,
    };
}
