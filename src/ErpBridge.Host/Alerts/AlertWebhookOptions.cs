namespace ErpBridge.Host.Alerts;

/// <summary>One receiver of alerts (ErpBridge:Alerts:Webhooks:&lt;name&gt;). The name, never the Url, appears in logs.</summary>
public sealed class AlertWebhookOptions
{
    /// <summary>Where alerts are POSTed. May itself hold a secret (Slack-style webhook URLs do): never logged.</summary>
    public Uri? Url { get; set; }

    /// <summary>The shared secret the body is signed with (HMAC-SHA256). From the environment or a secret store; never logged.</summary>
    public string Secret { get; set; } = "";

    /// <summary>The kinds this receiver takes; empty: all of them.</summary>
    public List<AlertKind> Events { get; set; } = [];

    /// <summary>Whether a plain-http Url is accepted (a relay on loopback or in the same network); off by default.</summary>
    public bool AllowHttp { get; set; }

    public bool Takes(AlertKind kind) => Events.Count == 0 || Events.Contains(kind);

    /// <summary>Every problem, each naming its key under <paramref name="key"/>.</summary>
    public IEnumerable<string> Validate(string key)
    {
        if (Url is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            yield return $"{key}:Url must be an absolute https URL.";
        }
        else if (url.Scheme == Uri.UriSchemeHttp && !AllowHttp)
        {
            yield return $"{key}:Url is plain http: use https, or set {key}:AllowHttp = true for a receiver on a trusted network.";
        }

        if (Secret.Length < 16)
        {
            yield return $"{key}:Secret must be at least 16 characters (set it from the environment or a secret store, e.g. ErpBridge__Alerts__Webhooks__<name>__Secret).";
        }
    }
}
