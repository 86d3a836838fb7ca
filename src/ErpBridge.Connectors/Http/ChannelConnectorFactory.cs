using ErpBridge.Core.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ErpBridge.Connectors.Http;

/// <summary>
/// What every platform's connector factory does the same way: validates the platform's options once, sets up the
/// HTTP clients of its channels once (<see cref="ConnectorHttpClients"/>), and checks a channel's name and BaseUrl.
/// A platform's <c>{Platform}ConnectorFactory</c> adds only its own required settings and makes its connector.
/// </summary>
public abstract class ChannelConnectorFactory<TOptions> : IChannelConnectorFactory
    where TOptions : ConnectorOptions, new()
{
    private readonly ILoggerFactory loggerFactory;
    private readonly IHttpClientFactory clients;

    protected ChannelConnectorFactory(TOptions? options, ILoggerFactory? loggerFactory)
    {
        Options = options ?? new TOptions();
        Options.Validate();
        this.loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        clients = ConnectorHttpClients.Create(Options);
    }

    public abstract string Platform { get; }

    /// <summary>The settings every channel of the platform shares.</summary>
    protected TOptions Options { get; }

    public IChannelConnector Create(string channel, ChannelOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentNullException.ThrowIfNull(options);
        return Create(channel, options, new ConnectorServices(clients, loggerFactory));
    }

    /// <summary>The connector of <paramref name="channel"/>; throws <see cref="ArgumentException"/> for a channel configured wrongly.</summary>
    private protected abstract IChannelConnector Create(string channel, ChannelOptions options, ConnectorServices services);

    /// <summary>The channel's BaseUrl, which must be an absolute http(s) URL; <paramref name="expected"/> says what it should be.</summary>
    protected static Uri RequireBaseUrl(string channel, ChannelOptions options, string expected)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"Channel '{channel}': BaseUrl '{options.BaseUrl}' must be {expected}.", nameof(options));
        }

        return baseUrl;
    }
}
