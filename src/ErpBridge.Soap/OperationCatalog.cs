using System.Reflection;
using System.ServiceModel;
using ErpBridge.Soap.Contract;

namespace ErpBridge.Soap;

/// <summary>The operations, found by their request element (document/literal wrapped dispatches on the body).</summary>
public sealed class OperationCatalog
{
    private readonly Dictionary<(string LocalName, string Namespace), SoapOperation> byElement;

    public OperationCatalog()
    {
        byElement = typeof(IErpBridgeService).GetMethods()
            .Select(m => (Method: m, Contract: m.GetCustomAttribute<OperationContractAttribute>()!, Request: m.GetParameters()[0].ParameterType))
            .Select(x => (Wrapper: x.Request.GetCustomAttribute<MessageContractAttribute>()!, x.Method, x.Contract))
            .ToDictionary(x => (x.Wrapper.WrapperName, x.Wrapper.WrapperNamespace), x => new SoapOperation(x.Method.Name, x.Contract.Action, x.Wrapper.WrapperNamespace));
    }

    public IEnumerable<SoapOperation> All => byElement.Values;

    public SoapOperation? Find(string localName, string ns) => byElement.GetValueOrDefault((localName, ns));
}

public sealed record SoapOperation(string Name, string Action, string Namespace);
