using System.Xml.Linq;
using ErpBridge.Core.Messages;

namespace ErpBridge.Mapping.Plans;

/// <summary>
/// The HTTP calls an outbound map asks for, in order. Written by XSLT as XML:
/// <code>
/// &lt;plan xmlns="urn:erpbridge:plan:v1" xmlns:fn="http://www.w3.org/2005/xpath-functions"&gt;
///   &lt;call id="set-stock" method="POST" path="graphql.json"&gt;
///     &lt;query name="sku:in" value="A,B"/&gt;
///     &lt;header name="X-Example" value="1"/&gt;
///     &lt;body&gt;&lt;fn:map&gt;...&lt;/fn:map&gt;&lt;/body&gt;
///   &lt;/call&gt;
///   &lt;call id="update" method="PUT" path="v3/catalog/products/{id}" if="found" if-ref="product" if-key="SKU-1"&gt;
///     &lt;path-param name="id" ref="product" key="SKU-1"/&gt;
///     ...
///   &lt;/call&gt;
/// &lt;/plan&gt;
/// </code>
/// Paths are relative to the channel's API root, which the connector knows (Shopify: admin/api/{version}/,
/// BigCommerce: stores/{hash}/). An element of the body may carry <c>plan:ref</c>, <c>plan:key</c> and
/// <c>plan:missing</c>: a platform id the connector resolves (see <see cref="PlanReference"/>). A call may be
/// conditional on whether a reference resolves (<c>if="found|missing"</c> with <c>if-ref</c> and <c>if-key</c>), and
/// its path may hold <c>{name}</c> placeholders filled from <c>path-param</c> references (URL-escaped).
/// <para>
/// Products drafted for lack of a price: a call with <c>price-draft="SKU"</c> leaves that product a draft because it has
/// no price (the bridge records it once the store confirmed the call); a call conditional on the reference kind
/// <c>price-draft</c> (<see cref="PlanCall.PriceDraftKind"/>) runs only for a product the bridge drafted so, and is
/// decided by the bridge from its own records, never by the connector (see the delivery's PriceDraftLedger).
/// </para>
/// </summary>
public sealed record RequestPlan(IReadOnlyList<PlanCall> Calls)
{
    public const string Namespace = XmlNamespaces.Plan;

    public static readonly XNamespace Ns = Namespace;

    /// <summary>A plan without calls.</summary>
    public static readonly RequestPlan Empty = new([]);

    /// <summary>Reads a plan document. Throws <see cref="PlanFormatException"/> naming the element at fault.</summary>
    public static RequestPlan Parse(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var root = document.Root ?? throw new PlanFormatException("The plan document is empty.");
        if (root.Name != Ns + "plan")
        {
            throw new PlanFormatException($"The plan root must be {{{Namespace}}}plan, not {root.Name}.");
        }

        var calls = new List<PlanCall>();
        foreach (var element in root.Elements())
        {
            if (element.Name != Ns + "call")
            {
                throw new PlanFormatException($"Unexpected element {element.Name} in the plan; only call is allowed.");
            }

            calls.Add(PlanCall.Parse(element, calls.Count + 1));
        }

        return new RequestPlan(calls);
    }
}

/// <summary>One HTTP call of a plan. <see cref="Body"/> is the JSON-as-XML root element (fn:map or fn:array), or null.</summary>
public sealed record PlanCall(
    string Id,
    string Method,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    XElement? Body)
{
    /// <summary>When set, the call is made only if the reference resolves (<see cref="PlanCondition.Found"/>) or only if it does not.</summary>
    public PlanCondition? Condition { get; init; }

    /// <summary>Placeholders of <see cref="Path"/> filled from references: name → (kind, key).</summary>
    public IReadOnlyList<PathParameter> PathParameters { get; init; } = [];

    /// <summary>
    /// The reference kind of a condition the bridge decides itself: whether it keeps the product with the key (a SKU)
    /// as a draft for lack of a price. Such calls publish the product with its price.
    /// </summary>
    public const string PriceDraftKind = "price-draft";

    /// <summary>The SKU of the product this call leaves a draft for lack of a price (attribute <c>price-draft</c>), or null.</summary>
    public string? PriceDraft { get; init; }

    private static readonly HashSet<string> Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    internal static PlanCall Parse(XElement call, int position)
    {
        var id = (string?)call.Attribute("id") ?? $"call-{position}";
        var method = ((string?)call.Attribute("method") ?? "").Trim().ToUpperInvariant();
        if (!Methods.Contains(method))
        {
            throw new PlanFormatException($"Call '{id}': method '{(string?)call.Attribute("method")}' is not one of {string.Join(", ", Methods)}.");
        }

        var path = ((string?)call.Attribute("path") ?? "").Trim();
        if (path.Length == 0 || path.StartsWith('/') || path.Contains("://", StringComparison.Ordinal) || path.Contains("..", StringComparison.Ordinal))
        {
            throw new PlanFormatException($"Call '{id}': path '{path}' must be relative to the channel's API root (no leading '/', no scheme, no '..').");
        }

        PlanCondition? condition = null;
        var when = (string?)call.Attribute("if");
        if (when is not null)
        {
            if (when is not ("found" or "missing"))
            {
                throw new PlanFormatException($"Call '{id}': if='{when}' must be 'found' or 'missing'.");
            }

            condition = new PlanCondition(Required(call, "if-ref", id), Required(call, "if-key", id), when == "found");
        }

        var pathParameters = new List<PathParameter>();
        var query = new List<KeyValuePair<string, string>>();
        var headers = new List<KeyValuePair<string, string>>();
        XElement? body = null;
        foreach (var child in call.Elements())
        {
            if (child.Name == RequestPlan.Ns + "query")
            {
                query.Add(new(Required(child, "name", id), (string?)child.Attribute("value") ?? ""));
            }
            else if (child.Name == RequestPlan.Ns + "header")
            {
                headers.Add(new(Required(child, "name", id), (string?)child.Attribute("value") ?? ""));
            }
            else if (child.Name == RequestPlan.Ns + "path-param")
            {
                var name = Required(child, "name", id);
                if (!path.Contains("{" + name + "}", StringComparison.Ordinal))
                {
                    throw new PlanFormatException($"Call '{id}': path-param '{name}' has no {{{name}}} in path '{path}'.");
                }

                pathParameters.Add(new PathParameter(name, Required(child, "ref", id), Required(child, "key", id)));
            }
            else if (child.Name == RequestPlan.Ns + "body")
            {
                var roots = child.Elements().ToList();
                if (roots.Count != 1 || roots[0].Name.Namespace != Json.JsonXml.Ns || (roots[0].Name.LocalName is not ("map" or "array")))
                {
                    throw new PlanFormatException($"Call '{id}': body must hold exactly one fn:map or fn:array.");
                }

                body = roots[0];
            }
            else
            {
                throw new PlanFormatException($"Call '{id}': unexpected element {child.Name}.");
            }
        }

        var priceDraft = ((string?)call.Attribute("price-draft"))?.Trim();
        return new PlanCall(id, method, path, query, headers, body)
        {
            Condition = condition,
            PathParameters = pathParameters,
            PriceDraft = string.IsNullOrEmpty(priceDraft) ? null : priceDraft,
        };
    }

    private static string Required(XElement element, string attribute, string id)
    {
        var value = (string?)element.Attribute(attribute);
        return string.IsNullOrWhiteSpace(value)
            ? throw new PlanFormatException($"Call '{id}': {element.Name.LocalName} needs a '{attribute}' attribute.")
            : value;
    }
}

public sealed class PlanFormatException(string message) : Exception(message);

/// <summary>A call made only when reference (<paramref name="Kind"/>, <paramref name="Key"/>) resolves (<paramref name="Found"/>) or does not.</summary>
public sealed record PlanCondition(string Kind, string Key, bool Found);

/// <summary>A <c>{Name}</c> placeholder of a call's path, filled with the id reference (<paramref name="Kind"/>, <paramref name="Key"/>) resolves to.</summary>
public sealed record PathParameter(string Name, string Kind, string Key);
