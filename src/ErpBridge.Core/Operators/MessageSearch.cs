using ErpBridge.Core.Status;

namespace ErpBridge.Core.Operators;

/// <summary>
/// What to look for; null matches anything. <paramref name="Text"/> (a SKU, an order number, any text of the document)
/// is looked for in the stored documents, so it needs a time range: without <paramref name="From"/> it searches the
/// last day. <paramref name="BeforeAt"/> and <paramref name="BeforeId"/> are the last message of the previous page.
/// </summary>
public sealed record MessageSearch(
    string? MessageId = null,
    string? SourceSystem = null,
    string? Type = null,
    DeliveryStatus? Status = null,
    string? Text = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    DateTimeOffset? BeforeAt = null,
    string? BeforeId = null,
    int Limit = 50);
