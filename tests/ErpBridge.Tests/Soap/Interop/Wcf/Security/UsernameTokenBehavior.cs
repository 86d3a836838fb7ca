using System.ServiceModel.Channels;
using System.ServiceModel.Description;
using System.ServiceModel.Dispatcher;

namespace ErpBridge.Tests.Soap.Interop.Wcf.Security;

/// <summary>Puts a <see cref="UsernameTokenInspector"/> on a client endpoint: <c>client.Endpoint.EndpointBehaviors.Add(...)</c>.</summary>
public sealed class UsernameTokenBehavior(string userName, string password) : IEndpointBehavior
{
    public void AddBindingParameters(ServiceEndpoint endpoint, BindingParameterCollection bindingParameters)
    {
    }

    public void ApplyClientBehavior(ServiceEndpoint endpoint, ClientRuntime clientRuntime) =>
        clientRuntime.ClientMessageInspectors.Add(new UsernameTokenInspector(userName, password));

    public void ApplyDispatchBehavior(ServiceEndpoint endpoint, EndpointDispatcher endpointDispatcher) =>
        throw new NotSupportedException("The UsernameToken behavior is for clients only.");

    public void Validate(ServiceEndpoint endpoint)
    {
    }
}
