namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>A v2 list sort: <c>sort=date_modified:asc</c>.</summary>
internal sealed record OrderSort(Func<SandboxOrder, IComparable> Key, bool Descending);
