using GraphQLParser.AST;

namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary>A Relay connection page over an in-memory list: nodes, edges with cursors, pageInfo.</summary>
internal sealed class ConnectionNode(string typeName, IReadOnlyList<IGraphNode> all, IReadOnlyDictionary<string, object?> arguments) : IGraphNode
{
    private readonly Page page = Page.Of(all, arguments);

    public string TypeName { get; } = typeName;

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "nodes" => page.Items,
        "edges" => page.Items.Select((node, i) => (IGraphNode)new EdgeNode(TypeName.Replace("Connection", "Edge", StringComparison.Ordinal), Cursor(page.Offset + i), node)).ToList(),
        "pageInfo" => new PageInfoNode(page),
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
        public static Page Of(IReadOnlyList<IGraphNode> all, IReadOnlyDictionary<string, object?> arguments)
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

    private sealed record PageInfoNode(Page Page) : IGraphNode
    {
        public string TypeName => "PageInfo";

        public object? Resolve(FieldCall call) => call.Name switch
        {
            "hasNextPage" => Page.HasNext,
            "hasPreviousPage" => Page.HasPrevious,
            "startCursor" => Page.Items.Count == 0 ? null : Cursor(Page.Offset),
            "endCursor" => Page.Items.Count == 0 ? null : Cursor(Page.Offset + Page.Items.Count - 1),
            _ => null,
        };
    }
}
