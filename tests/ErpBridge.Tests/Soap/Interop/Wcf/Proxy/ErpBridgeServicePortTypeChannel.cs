using System.ServiceModel;

namespace ErpBridge.Tests.Soap.Interop.Wcf.Proxy;

/// <summary>The channel interface svcutil emits beside every contract.</summary>
public interface ErpBridgeServicePortTypeChannel : ErpBridgeServicePortType, IClientChannel
{
}
