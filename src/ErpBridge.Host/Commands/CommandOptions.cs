using System.CommandLine;
using System.Globalization;

namespace ErpBridge.Host.Commands;

/// <summary>The options several commands share, declared once so that they read and validate the same everywhere.</summary>
public static class CommandOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Print one JSON document instead of the table (for scripts)." };

    public static Option<string> Channel(string description, bool required = false) =>
        new("--channel") { Description = description, HelpName = "NAME", Required = required };

    /// <summary>A positive row limit (default 100).</summary>
    public static Option<int> Limit() => new("--limit")
    {
        Description = "Most rows to list.",
        HelpName = "N",
        DefaultValueFactory = _ => 100,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0)
            {
                return limit;
            }

            result.AddError($"--limit takes a whole number of 1 or more, not '{text}'.");
            return 0;
        },
    };

    /// <summary>An enum option that takes a member's name (any case), never its number, and lists the names when it does not match.</summary>
    public static Option<T?> Enum<T>(string name, string helpName, string description)
        where T : struct, System.Enum
    {
        var names = string.Join(", ", System.Enum.GetNames<T>());
        return new Option<T?>(name)
        {
            Description = $"{description} One of {names}.",
            HelpName = helpName,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (System.Enum.TryParse<T>(text, ignoreCase: true, out var parsed) && !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                {
                    return parsed;
                }

                result.AddError($"{name} is one of {names}, not '{text}'.");
                return null;
            },
        };
    }

    /// <summary>Either an id, or a channel with --all: the two ways to pick what a resubmit command acts on.</summary>
    public static void RequireIdOrChannelAll(Command command, Option<string> id, Option<string> channel, Option<bool> all, string usage)
    {
        command.Validators.Add(result =>
        {
            var hasId = result.GetValue(id) is not null;
            var hasChannelAll = result.GetValue(channel) is not null && result.GetValue(all);
            if (!hasId && !hasChannelAll)
            {
                result.AddError(usage);
            }
        });
    }
}
