namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary>
/// A Relay connection page: nodes, edges with cursors, pageInfo. Either over an in-memory list with position
/// cursors, or a page already cut by the caller with its own cursors (keyset pagination, as the orders search does).
/// </summary>
internal sealed class ConnectionNode : IGraphNode
{
    private readonly Page page;
    private readonly IReadOnlyList<string> cursors;

    public ConnectionNode(string typeName, IReadOnlyList<IGraphNode> all, IReadOnlyDictionary<string, object?> arguments)
        : this(typeName, Page.Of(all, arguments), null)
    {
    }

    public ConnectionNode(string typeName, Page page, IReadOnlyList<string>? cursors)
    {
        TypeName = typeName;
        this.page = page;
        this.cursors = cursors ?? page.Items.Select((_, i) => Cursor(page.Offset + i)).ToList();
    }

    public string TypeName { get; }

    /// <summary>The nodes of this page, in order.</summary>
    public IReadOnlyList<IGraphNode> Items => page.Items;

    /// <summary>A connection over <paramref name="all"/>: paged by the arguments, or everything when a bulk operation runs.</summary>
    public static ConnectionNode Over(string typeName, IReadOnlyList<IGraphNode> all, FieldCall call) =>
        call.Context.Bulk ? new ConnectionNode(typeName, new Page(all, 0, false, false), null) : new ConnectionNode(typeName, all, call.Arguments);

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "nodes" => page.Items,
        "edges" => page.Items.Select((node, i) => (IGraphNode)new EdgeNode(TypeName.Replace("Connection", "Edge", StringComparison.Ordinal), cursors[i], node)).ToList(),
        "pageInfo" => new PageInfoNode(page, cursors),
        _ => null,
    };

    public static string Cursor(int index) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{{\"last_id\":{index}}}"));

    public static int? FromCursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            return int.Parse(text.AsSpan("{\"last_id\":".Length, text.Length - "{\"last_id\":".Length - 1), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentOutOfRangeException or OverflowException)
        {
            throw new GraphQLRequestException(new GraphQLError($"Invalid cursor for current pagination sort.", "BAD_REQUEST"));
        }
    }

    internal sealed record Page(IReadOnlyList<IGraphNode> Items, int Offset, bool HasNext, bool HasPrevious)
    {
        /// <summary>The page size asked for, refused as Shopify does when neither or more than 250 is asked.</summary>
        public static (int? First, int? Last) Sizes(IReadOnlyDictionary<string, object?> arguments)
        {
            var first = arguments.GetValueOrDefault("first") as int?;
            var last = arguments.GetValueOrDefault("last") as int?;
            if (first is null && last is null)
            {
                throw new GraphQLRequestException(new GraphQLError("you must provide one of first or last", "BAD_REQUEST"));
            }

            if (first > 250 || last > 250)
            {
                throw new GraphQLRequestException(new GraphQLError("The maximum number of elements per page is 250.", "BAD_REQUEST"));
            }

            return (first, last);
        }

        public static Page Of(IReadOnlyList<IGraphNode> all, IReadOnlyDictionary<string, object?> arguments)
        {
            var (first, last) = Sizes(arguments);

            var ordered = arguments.GetValueOrDefault("reverse") is true ? all.Reverse().ToList() : all;
            var start = FromCursor(arguments.GetValueOrDefault("after") as string) is { } after ? after + 1 : 0;
            var end = FromCursor(arguments.GetValueOrDefault("before") as string) ?? ordered.Count;
            end = Math.Min(end, ordered.Count);
            start = Math.Min(start, end);
            if (first is { } f)
            {
                var take = Math.Min(Math.Max(f, 0), end - start);
                return new Page(ordered.Skip(start).Take(take).ToList(), start, start + take < ordered.Count, start > 0);
            }

            var count = Math.Min(Math.Max(last!.Value, 0), end - start);
            return new Page(ordered.Skip(end - count).Take(count).ToList(), end - count, end < ordered.Count, end - count > 0);
        }
    }

    private sealed record EdgeNode(string TypeName, string Cursor, IGraphNode Node) : IGraphNode
    {
        public object? Resolve(FieldCall call) => call.Name == "cursor" ? Cursor : Node;
    }

    private sealed record PageInfoNode(Page Page, IReadOnlyList<string> Cursors) : IGraphNode
    {
        public string TypeName => "PageInfo";

        public object? Resolve(FieldCall call) => call.Name switch
        {
            "hasNextPage" => Page.HasNext,
            "hasPreviousPage" => Page.HasPrevious,
            "startCursor" => Cursors.Count == 0 ? null : Cursors[0],
            "endCursor" => Cursors.Count == 0 ? null : Cursors[^1],
            _ => null,
        };
    }
}
