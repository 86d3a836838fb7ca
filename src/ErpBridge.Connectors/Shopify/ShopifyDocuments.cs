using System.Text;

namespace ErpBridge.Connectors.Shopify;

/// <summary>
/// The GraphQL documents the connector itself sends to look ids up (the maps' mutations come in plans). Public so
/// that contract tests validate them against the published schema.
/// </summary>
public static class ShopifyDocuments
{
    /// <summary>Variants by SKU, with the ids a plan may refer to. Variables: first, after, query.</summary>
    public const string VariantsBySku =
        "query VariantsBySku($first: Int!, $after: String, $query: String!) { productVariants(first: $first, after: $after, query: $query) { nodes { id sku inventoryItem { id } product { id } } pageInfo { hasNextPage endCursor } } }";

    /// <summary>Variants by SKU with their price and product, for the price kinds of <see cref="ProductPrices"/>. Variables: first, query.</summary>
    public const string VariantPricesBySku =
        "query VariantPricesBySku($first: Int!, $query: String!) { productVariants(first: $first, query: $query) { nodes { sku price product { id } } } }";

    /// <summary>Locations with their names, to map ERP location codes. Variables: first, after.</summary>
    public const string Locations =
        "query Locations($first: Int!, $after: String) { locations(first: $first, after: $after) { nodes { id name } pageInfo { hasNextPage endCursor } } }";

    /// <summary>
    /// The bulk query reading every inventory item's SKU with its available quantity at each location (id and name,
    /// to name the location as the ERP does). Runs through <see cref="RunBulkQuery"/>, unpaged.
    /// </summary>
    public const string StockBulkQuery =
        "{ inventoryItems { edges { node { id sku inventoryLevels { edges { node { location { id name } quantities(names: [\"available\"]) { name quantity } } } } } } } }";

    /// <summary>
    /// Starts a bulk query. Variables: query. Objects are grouped under their parents, so that a level line always
    /// follows its item's and the result can be streamed page by page without remembering every item.
    /// </summary>
    public const string RunBulkQuery =
        "mutation RunBulkQuery($query: String!) { bulkOperationRunQuery(query: $query, groupObjects: true) { bulkOperation { id status } userErrors { field message code } } }";

    /// <summary>A bulk operation's progress and, once completed, its result URL. Variables: id.</summary>
    public const string BulkOperationById =
        "query BulkOperationById($id: ID!) { bulkOperation(id: $id) { id status errorCode objectCount url } }";

    /// <summary>The shop's running or latest bulk query, to take over one this channel started before a restart.</summary>
    public const string CurrentBulkQuery =
        "query CurrentBulkQuery { currentBulkOperation(type: QUERY) { id status query } }";

    /// <summary>
    /// An order by its name, with its fulfillment orders' lines (id, SKU, what remains) and the tracking numbers of its
    /// fulfillments. Variables: query (see <see cref="OrderNameSearch"/>).
    /// </summary>
    public const string OrderForShipment =
        "query OrderForShipment($query: String!) { orders(first: 1, query: $query) { nodes { " + OrderSelection + " } } }";

    /// <summary>The same as <see cref="OrderForShipment"/> for an order whose GID is known. Variables: id.</summary>
    public const string OrderForShipmentById =
        "query OrderForShipmentById($id: ID!) { order(id: $id) { " + OrderSelection + " } }";

    private const string OrderSelection =
        "id name fulfillmentOrders(first: 5) { nodes { id status lineItems(first: 50) { nodes { id sku remainingQuantity } } } } fulfillments(first: 50) { id trackingInfo(first: 5) { number } }";

    /// <summary>Line items fetched with each order of a page; an order with more gets the rest through <see cref="OrderLineItems"/>.</summary>
    public const int LinesPerOrder = 5;

    /// <summary>Line items per follow-up page of one order.</summary>
    public const int LinesPerPage = 100;

    /// <summary>
    /// Orders changed since a time, oldest change first (sort key UPDATED_AT), with everything the order map reads.
    /// Variables: first, after, query (see <see cref="UpdatedSinceSearch"/>).
    /// </summary>
    public const string OrdersChangedSince =
        "query OrdersChangedSince($first: Int!, $after: String, $query: String!) { orders(first: $first, after: $after, sortKey: UPDATED_AT, query: $query) { nodes { "
        + OrderFields + " lineItems(first: 5) { nodes { " + LineItemFields + " } pageInfo { hasNextPage endCursor } } } pageInfo { hasNextPage endCursor } } }";

    /// <summary>The next line items of one order, when it has more than <see cref="LinesPerOrder"/>. Variables: id, after.</summary>
    public const string OrderLineItems =
        "query OrderLineItems($id: ID!, $after: String) { order(id: $id) { lineItems(first: 100, after: $after) { nodes { " + LineItemFields + " } pageInfo { hasNextPage endCursor } } } }";

    private const string Money = "{ shopMoney { amount currencyCode } }";

    private const string AddressFields = "{ firstName lastName company address1 address2 city province zip countryCodeV2 phone }";

    private const string OrderFields =
        "id name createdAt updatedAt cancelledAt displayFinancialStatus displayFulfillmentStatus currencyCode taxesIncluded email phone note "
        + "customer { id firstName lastName defaultEmailAddress { emailAddress } defaultPhoneNumber { phoneNumber } } "
        + "billingAddress " + AddressFields + " shippingAddress " + AddressFields + " shippingLine { title code originalPriceSet " + Money + " } "
        + "subtotalPriceSet " + Money + " totalShippingPriceSet " + Money + " totalDiscountsSet " + Money + " totalTaxSet " + Money + " totalPriceSet " + Money;

    private const string LineItemFields =
        "id sku title quantity originalUnitPriceSet " + Money + " totalDiscountSet " + Money + " taxLines { title rate priceSet " + Money + " }";

    /// <summary>The search for orders updated at or after <paramref name="since"/>: <c>updated_at:&gt;='2026-01-01T00:00:00Z'</c>, to the second (Shopify keeps no fractions).</summary>
    public static string UpdatedSinceSearch(DateTimeOffset since)
    {
        var utc = since.UtcDateTime;
        return "updated_at:>='" + utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) + "'";
    }

    /// <summary>The search for an order by the store's order number: <c>name:"#1001"</c> (a leading '#' is added when absent).</summary>
    public static string OrderNameSearch(string orderNumber)
    {
        ArgumentNullException.ThrowIfNull(orderNumber);
        var name = orderNumber.StartsWith('#') ? orderNumber : "#" + orderNumber;
        return "name:\"" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A search query matching any of <paramref name="skus"/> exactly: <c>sku:"A" OR sku:"B"</c>, quotes and backslashes escaped.</summary>
    public static string SkuSearch(IEnumerable<string> skus)
    {
        ArgumentNullException.ThrowIfNull(skus);
        var query = new StringBuilder();
        foreach (var sku in skus)
        {
            if (query.Length > 0)
            {
                query.Append(" OR ");
            }

            query.Append("sku:\"");
            foreach (var c in sku)
            {
                if (c is '"' or '\\')
                {
                    query.Append('\\');
                }

                query.Append(c);
            }

            query.Append('"');
        }

        return query.ToString();
    }
}
