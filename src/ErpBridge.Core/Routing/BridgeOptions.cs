using System.Text.RegularExpressions;
using ErpBridge.Core.Messages;

namespace ErpBridge.Core.Routing;

/// <summary>Channels, routes and document types: the section "ErpBridge" of the configuration.</summary>
public sealed partial class BridgeOptions
{
    public const string Section = "ErpBridge";

    public Dictionary<string, ChannelOptions> Channels { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Message type name (Inventory, Products, Prices, Orders) to the channels that receive it. Shipments are not routed:
    /// each goes to the channel it names or to the channel of its order, so a Shipments entry is accepted but not used.
    /// Orders are the web orders polled from the stores, forwarded to the shipping channels named here.
    /// </summary>
    public Dictionary<string, string[]> Routes { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, DocumentTypeOptions> DocumentTypes { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Which condition records are sales prices, and which sales area feeds which channel.</summary>
    public PricesOptions Prices { get; set; } = new();

    /// <summary>
    /// How long SubmitDocument's inbound map may run before the receipt; a map still running then is stopped and the
    /// document refused with MappingFailed. Inbound maps take milliseconds, even for IDocs of megabytes.
    /// </summary>
    public TimeSpan IntakeMapTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Every problem, each naming the configuration key it is about.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var (name, channel) in Channels)
        {
            ValidateChannel(name, channel, errors);
        }

        foreach (var (type, channels) in Routes)
        {
            var key = $"{Section}:Routes:{type}";
            if (!TryParseCanonical(type, out var routed))
            {
                errors.Add($"{key}: '{type}' is not a routable message type; use Inventory, Products, Shipments, Prices or Orders.");
            }

            // An empty entry names no channel, so that an override (environment, command line) can shorten a route.
            var named = (channels ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).ToList();
            foreach (var twice in named.GroupBy(c => c, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                errors.Add($"{key}: channel '{twice.Key}' is named more than once.");
            }

            foreach (var channel in named)
            {
                if (!Channels.TryGetValue(channel, out var configured))
                {
                    errors.Add($"{key}: channel '{channel}' is not configured under {Section}:Channels.");
                }
                else if (TryParseCanonical(type, out routed) && (routed == MessageType.Orders) != Platform.ReceivingOrders.Contains(configured.Platform))
                {
                    errors.Add(routed == MessageType.Orders
                        ? $"{key}: channel '{channel}' is a {configured.Platform} store, which does not receive orders; name channels of {string.Join(", ", Platform.ReceivingOrders)}."
                        : $"{key}: channel '{channel}' ({configured.Platform}) receives web orders only; route it under {Section}:Routes:Orders.");
                }
            }
        }

        if (IntakeMapTimeout < TimeSpan.FromMilliseconds(100) || IntakeMapTimeout > TimeSpan.FromMinutes(5))
        {
            errors.Add($"{Section}:IntakeMapTimeout: {IntakeMapTimeout} is outside 00:00:00.1..00:05:00.");
        }

        foreach (var (documentType, options) in DocumentTypes)
        {
            if (!TryParseCanonical(options.Produces, out var produces) || produces == MessageType.Orders)
            {
                errors.Add($"{Section}:DocumentTypes:{documentType}:Produces: '{options.Produces}' must be Inventory, Products, Shipments or Prices.");
            }

            if (options.Map is { } map && (map.Length == 0 || !map.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
            {
                errors.Add($"{Section}:DocumentTypes:{documentType}:Map: '{map}' must be the name of a map in the inbound folder (letters, digits, '_' and '-').");
            }

            foreach (var reserved in options.MapParameters.Keys.Where(k => k is "message-id" or "sent-at" or "source-system"))
            {
                errors.Add($"{Section}:DocumentTypes:{documentType}:MapParameters:{reserved}: taken from the SubmitDocument envelope.");
            }
        }

        errors.AddRange(Prices.Validate(Channels, Routes.TryGetValue(nameof(MessageType.Prices), out var priced) ? priced : null));
        return errors;
    }

    public static bool TryParseCanonical(string? name, out MessageType type) =>
        Enum.TryParse(name, ignoreCase: true, out type) && type != MessageType.Document && Enum.IsDefined(type);

    private static void ValidateChannel(string name, ChannelOptions channel, List<string> errors)
    {
        var key = $"{Section}:Channels:{name}";
        if (!ChannelName().IsMatch(name))
        {
            errors.Add($"{key}: a channel name is 1 to 64 letters, digits, '-' or '_'.");
        }

        if (!Platform.All.Contains(channel.Platform))
        {
            errors.Add($"{key}:Platform: '{channel.Platform}' is not one of {string.Join(", ", Platform.All)}.");
        }

        if (!Uri.TryCreate(channel.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{key}:BaseUrl: '{channel.BaseUrl}' is not an absolute http or https URL.");
        }

        if (channel.ShipmentMode is { Length: > 0 } && channel.Platform != Platform.WooCommerce)
        {
            errors.Add($"{key}:ShipmentMode: only WooCommerce channels have a shipment mode.");
        }

        if (channel.WebhookSecret is { Length: > 0 } secret && (!Platform.ReceivingOrders.Contains(channel.Platform) || secret.Length < 16))
        {
            errors.Add($"{key}:WebhookSecret: only shipping channels take webhooks, with a secret of at least 16 characters.");
        }

        foreach (var reserved in channel.MapParameters.Keys.Where(k => k is "message-id" or "channel" or "idempotency-key" or "shipment-mode"))
        {
            errors.Add($"{key}:MapParameters:{reserved}: set by the bridge itself{(reserved == "shipment-mode" ? "; use ShipmentMode" : "")}.");
        }

        foreach (var missing in MissingCredentials(channel))
        {
            errors.Add($"{key}:{missing}: required for platform {channel.Platform}; set it through an environment variable or user secrets.");
        }
    }

    private static IEnumerable<string> MissingCredentials(ChannelOptions channel)
    {
        var required = channel.Platform switch
        {
            Platform.Shopify => [nameof(ChannelOptions.AccessToken)],
            Platform.BigCommerce => [nameof(ChannelOptions.AccessToken), nameof(ChannelOptions.StoreHash)],
            Platform.WooCommerce => [nameof(ChannelOptions.ConsumerKey), nameof(ChannelOptions.ConsumerSecret)],
            Platform.Magento => [nameof(ChannelOptions.AccessToken)],
            Platform.Api2Cart => [nameof(ChannelOptions.ApiKey), nameof(ChannelOptions.StoreKey)],
            Platform.ZohoInventory => [nameof(ChannelOptions.OrganizationId), nameof(ChannelOptions.ClientId), nameof(ChannelOptions.ClientSecret), nameof(ChannelOptions.RefreshToken)],
            Platform.ShipStation => [nameof(ChannelOptions.ConsumerKey), nameof(ChannelOptions.ConsumerSecret)],
            _ => Array.Empty<string>(),
        };
        var present = new Dictionary<string, string?>
        {
            [nameof(ChannelOptions.AccessToken)] = channel.AccessToken,
            [nameof(ChannelOptions.StoreHash)] = channel.StoreHash,
            [nameof(ChannelOptions.ConsumerKey)] = channel.ConsumerKey,
            [nameof(ChannelOptions.ConsumerSecret)] = channel.ConsumerSecret,
            [nameof(ChannelOptions.ApiKey)] = channel.ApiKey,
            [nameof(ChannelOptions.StoreKey)] = channel.StoreKey,
            [nameof(ChannelOptions.OrganizationId)] = channel.OrganizationId,
            [nameof(ChannelOptions.ClientId)] = channel.ClientId,
            [nameof(ChannelOptions.ClientSecret)] = channel.ClientSecret,
            [nameof(ChannelOptions.RefreshToken)] = channel.RefreshToken,
        };
        return required.Where(r => string.IsNullOrWhiteSpace(present[r]));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ChannelName();
}
