using System.Globalization;
using ErpBridge.Core.Operators;
using ErpBridge.Core.Status;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace ErpBridge.Host.OperatorConsole.Pages;

/// <summary>Messages searched by id, text (a SKU, an order number), source system, type, delivery status and time, newest first, a page at a time.</summary>
public sealed class MessagesModel(IMessageBrowser browser) : ConsolePage
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? MessageId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Source { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public DeliveryStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateTime? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateTime? To { get; set; }

    /// <summary>The cursor: the last message of the previous page, as "received-at ticks/MessageId".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Before { get; set; }

    public IReadOnlyList<MessageSummary> Results { get; private set; } = [];

    public string? NextPage { get; private set; }

    public string? Error { get; private set; }

    public string FromText => From?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) ?? "";

    public string ToText => To?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) ?? "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Error = "Some filters could not be read: " + string.Join(" ", ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key));
            return;
        }

        DateTimeOffset? beforeAt = null;
        string? beforeId = null;
        if (Before?.Split('/', 2) is [var ticks, var id] && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var t))
        {
            beforeAt = new DateTimeOffset(t, TimeSpan.Zero);
            beforeId = id;
        }

        var search = new MessageSearch(MessageId, Source, Type, Status, Text, Utc(From), Utc(To), beforeAt, beforeId, PageSize);
        Results = await browser.SearchAsync(search, cancellationToken);
        if (Results.Count == PageSize)
        {
            var last = Results[^1];
            var query = Request.Query.Where(q => q.Key != "before").ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
            query["before"] = $"{last.ReceivedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}/{last.MessageId}";
            NextPage = QueryHelpers.AddQueryString("/console/messages", query);
        }
    }

    private static DateTimeOffset? Utc(DateTime? value) => value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}
