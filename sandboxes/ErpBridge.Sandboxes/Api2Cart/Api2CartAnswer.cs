using System.Text.Json.Nodes;

namespace ErpBridge.Sandboxes.Api2Cart;

/// <summary>
/// What a method answers inside the envelope: its return code and message, its result, and for lists (whose schemas
/// alone declare <c>pagination</c>) the next page.
/// </summary>
internal sealed record Api2CartAnswer(int ReturnCode, string ReturnMessage, JsonObject? Result, bool Paged = false, string? Next = null)
{
    public static Api2CartAnswer Ok(JsonObject result) => new(0, "", result);

    public static Api2CartAnswer Page(JsonObject result, string? next) => new(0, "", result, true, next);

    public static Api2CartAnswer Error(int code, string message) => new(code, message, null);
}
