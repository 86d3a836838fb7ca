using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace ErpBridge.Host;

/// <summary>
/// A last line of defence: any log property whose name says it holds a secret is replaced before it is written.
/// The code never logs credentials; this keeps a future mistake out of the log.
/// </summary>
public sealed partial class SecretMaskingEnricher : ILogEventEnricher
{
    private static readonly ScalarValue Masked = new("***");

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<string>? secret = null;
        foreach (var name in logEvent.Properties.Keys)
        {
            if (SecretName().IsMatch(name))
            {
                (secret ??= []).Add(name);
            }
        }

        secret?.ForEach(name => logEvent.AddOrUpdateProperty(new LogEventProperty(name, Masked)));
    }

    // QueryString: ASP.NET Core's request log (at Debug/Information for "Microsoft", Warning by default) writes it, and
    // the shipping webhook's key travels there, as ShipStation can send no header.
    [GeneratedRegex("(password|secret|token|authorization|apikey|credential|querystring)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
