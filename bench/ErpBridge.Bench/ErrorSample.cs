namespace ErpBridge.Bench;

/// <summary>One kind of failed request: the status (or exception) and the start of the body.</summary>
internal sealed record ErrorSample(string Status, string Snippet);
