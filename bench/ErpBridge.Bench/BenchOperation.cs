namespace ErpBridge.Bench;

/// <summary>
/// The SOAP operation a load sends (<c>--operation</c>): the three Submit operations on canonical messages, and
/// SubmitDocument with a COND_A04 condition-records IDoc (prices reach the bridge only as documents, mapped at the door).
/// </summary>
internal enum BenchOperation
{
    Inventory,
    Products,
    Shipments,
    Prices,
}
