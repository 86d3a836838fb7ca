using System.Text.Json.Nodes;

namespace ErpBridge.Sandboxes.Api2Cart;

/// <summary>What a method answers inside the envelope: its return code and message, its result, and for lists the next page.</summary>
internal sealed record Api2CartAnswer(int ReturnCode, string ReturnMessage, JsonObject? Result, string? Next = null)
{
    public static Api2CartAnswer Ok(JsonObject result, string? next = null) => new(0, "", result, next);

    public static Api2CartAnswer Error(int code, string message) => new(code, message, null);
}
