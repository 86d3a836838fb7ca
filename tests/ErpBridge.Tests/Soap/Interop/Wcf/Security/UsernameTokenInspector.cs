using System.ServiceModel;
using System.ServiceModel.Channels;
using System.ServiceModel.Dispatcher;

namespace ErpBridge.Tests.Soap.Interop.Wcf.Security;

/// <summary>Adds a <see cref="UsernameTokenHeader"/> to every request the client sends.</summary>
public sealed class UsernameTokenInspector(string userName, string password) : IClientMessageInspector
{
    public object? BeforeSendRequest(ref Message request, IClientChannel channel)
    {
        request.Headers.Add(new UsernameTokenHeader(userName, password));
        return null;
    }

    public void AfterReceiveReply(ref Message reply, object correlationState)
    {
    }
}
