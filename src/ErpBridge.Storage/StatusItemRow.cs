using ErpBridge.Core.Status;

namespace ErpBridge.Storage;

/// <summary>A row of <see cref="SqlDialect.SelectMessageItems"/>.</summary>
internal sealed class StatusItemRow
{
    public string Channel { get; set; } = "";

    public string ItemKey { get; set; } = "";

    public string State { get; set; } = "";

    public string Reason { get; set; } = "";

    public object At { get; set; } = "";

    /// <summary>An item resubmitted and not sent yet is still a failed item, on its way again.</summary>
    public ItemView ToView() => State == "Resend"
        ? new ItemView(ItemKey, ItemState.Failed, $"{Reason} (resubmitted: sent again at the next attempt)", SqlDialect.ReadTime(At))
        : new ItemView(ItemKey, Enum.Parse<ItemState>(State), Reason, SqlDialect.ReadTime(At));
}
