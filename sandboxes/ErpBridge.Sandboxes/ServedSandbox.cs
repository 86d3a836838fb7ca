namespace ErpBridge.Sandboxes;

/// <summary>One running sandbox: where it answers, where its state is, and what it holds.</summary>
public sealed record ServedSandbox(string Name, Uri BaseAddress, Uri State, string Description)
{
    /// <summary>The line the sandboxes' process prints for it on start.</summary>
    public override string ToString() => $"{Name,-12} {BaseAddress}  state {State}  ({Description})";
}
