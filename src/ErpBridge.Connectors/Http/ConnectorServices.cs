using Microsoft.Extensions.Logging;

namespace ErpBridge.Connectors.Http;

/// <summary>What a factory hands each connector it makes: the channel's HTTP clients and the loggers.</summary>
internal sealed record ConnectorServices(IHttpClientFactory Clients, ILoggerFactory Loggers);
