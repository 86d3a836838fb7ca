using System.Net;
using System.Text;

namespace ErpBridge.Bench;

/// <summary>Whether one request was accepted and, when it was not, what went wrong.</summary>
internal readonly record struct RequestOutcome(bool Accepted, ErrorSample? Error)
{
    private const int SnippetLength = 300;

    public static RequestOutcome Success { get; } = new(true, null);

    public static RequestOutcome FromResponse(HttpStatusCode status, byte[] body) =>
        status == HttpStatusCode.OK && body.AsSpan().IndexOf(">Accepted<"u8) >= 0
            ? Success
            : new RequestOutcome(false, new ErrorSample($"HTTP {(int)status}", Snippet(body)));

    public static RequestOutcome FromException(Exception exception) =>
        new(false, new ErrorSample(exception.GetType().Name, Truncate(exception.Message)));

    private static string Snippet(byte[] body) =>
        Truncate(Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, SnippetLength * 4)));

    private static string Truncate(string text) => text.Length <= SnippetLength ? text : text[..SnippetLength];
}
