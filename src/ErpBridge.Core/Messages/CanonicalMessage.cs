using System.Xml.Linq;

namespace ErpBridge.Core.Messages;

/// <summary>
/// A canonical message (the contract's request element) with the items whose order matters: stock per SKU and
/// location, product state per SKU. Items another message has since superseded can be removed before mapping.
/// </summary>
public sealed class CanonicalMessage
{
    private readonly List<(string Key, XElement Element)> items;
    private List<string>? keyList;

    private CanonicalMessage(MessageType type, XDocument document, List<(string Key, XElement Element)> items)
    {
        Type = type;
        Document = document;
        this.items = items;
    }

    public MessageType Type { get; }

    public XDocument Document { get; }

    /// <summary>Keys of the items still in the message; empty for messages whose items are not versioned (shipments).</summary>
    public IReadOnlyList<string> Keys => keyList ??= items.ConvertAll(i => i.Key);

    /// <summary>Which canonical message a document is, by its root element's namespace; null when it is none.</summary>
    public static MessageType? TypeOf(XDocument document) => document.Root?.Name.NamespaceName switch
    {
        XmlNamespaces.Inventory => MessageType.Inventory,
        XmlNamespaces.Products => MessageType.Products,
        XmlNamespaces.Shipments => MessageType.Shipments,
        XmlNamespaces.Prices => MessageType.Prices,
        XmlNamespaces.Orders => MessageType.Orders,
        _ => null,
    };

    public static CanonicalMessage Parse(MessageType type, XDocument document)
    {
        XNamespace ns;
        Func<XElement, string> key;
        XName itemName;
        switch (type)
        {
            case MessageType.Inventory:
                ns = XmlNamespaces.Inventory;
                itemName = ns + "Item";
                key = e => $"inv:{Text(e, ns + "Sku")}@{Text(e, ns + "Location")}";
                break;
            case MessageType.Products:
                ns = XmlNamespaces.Products;
                itemName = ns + "Product";
                key = e => $"prod:{Text(e, ns + "Sku")}";
                break;
            case MessageType.Prices:
                ns = XmlNamespaces.Prices;
                itemName = ns + "Price";
                key = e => PriceKey(e, ns);
                break;
            case MessageType.Orders:
                // One item, the order itself: a newer revision of it supersedes an older one still waiting, and an
                // older state retried after a newer one was delivered is never sent.
                ns = XmlNamespaces.Orders;
                itemName = ns + "Order";
                key = e => $"order:{Text(e, ns + "Channel")}:{Text(e, ns + "PlatformOrderId")}";
                break;
            case MessageType.Shipments:
                return new CanonicalMessage(type, document, []);
            default:
                throw new InvalidOperationException($"Message type {type} has no canonical item form.");
        }

        var found = document.Descendants(itemName).Select(e => (key(e), e)).ToList();
        return new CanonicalMessage(type, document, found);
    }

    /// <summary>The price items still in the message, with their keys (empty for other messages).</summary>
    public IEnumerable<(string Key, XElement Element)> PriceItems() => Type == MessageType.Prices ? items.ToList() : [];

    /// <summary>
    /// A price's key: SKU, sales area, condition type and the first day it is valid. Two validity periods of one SKU are
    /// two items (a price valid from next month does not supersede today's), and a newer message with the same period
    /// supersedes it.
    /// </summary>
    private static string PriceKey(XElement price, XNamespace ns) =>
        $"price:{Text(price, ns + "Sku")}@{Text(price, ns + "SalesOrganization")}/{Text(price, ns + "DistributionChannel")}/{Text(price, ns + "ConditionType")}@{Text(price, ns + "ValidFrom")}";

    /// <summary>The order numbers the shipments of this channel name (empty for other messages).</summary>
    public IReadOnlyCollection<string> OrderNumbers(string channel)
    {
        if (Type != MessageType.Shipments)
        {
            return [];
        }

        XNamespace ns = XmlNamespaces.Shipments;
        return Document.Descendants(ns + "Shipment")
            .Where(s => string.Equals(((string?)s.Element(ns + "Channel"))?.Trim(), channel, StringComparison.OrdinalIgnoreCase))
            .Select(s => ((string?)s.Element(ns + "OrderNumber"))?.Trim() ?? "")
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The stock location of each item still in the message (empty for messages other than stock).</summary>
    public IEnumerable<(string Key, string Location)> ItemLocations()
    {
        if (Type != MessageType.Inventory)
        {
            return [];
        }

        XNamespace ns = XmlNamespaces.Inventory;
        return items.Select(i => (i.Key, Text(i.Element, ns + "Location")));
    }

    /// <summary>Removes the items with these keys. Returns how many items remain.</summary>
    public int Remove(IReadOnlySet<string> keys)
    {
        foreach (var item in items.Where(i => keys.Contains(i.Key)).ToList())
        {
            item.Element.Remove();
            items.Remove(item);
            keyList = null; // the next read makes a new list: callers may still hold the old one
        }

        return items.Count;
    }

    private static string Text(XElement item, XName name) =>
        item.Element(name)?.Value.Trim() ?? throw new InvalidOperationException($"{item.Name.LocalName} has no {name.LocalName}.");
}
