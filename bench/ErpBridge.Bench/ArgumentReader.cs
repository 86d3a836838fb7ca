using System.Globalization;

namespace ErpBridge.Bench;

/// <summary>Reads "--name value" options and rejects anything it was not asked for.</summary>
internal sealed class ArgumentReader
{
    private readonly Dictionary<string, string> values;
    private readonly HashSet<string> consumed = new(StringComparer.Ordinal);

    private ArgumentReader(Dictionary<string, string> values) => this.values = values;

    public static ArgumentReader Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            var name = OptionName(args[i]);
            if (i + 1 >= args.Count)
            {
                throw new UsageException($"option --{name} needs a value");
            }

            if (!values.TryAdd(name, args[i + 1]))
            {
                throw new UsageException($"option --{name} is given twice");
            }
        }

        return new ArgumentReader(values);
    }

    public string? Optional(string name)
    {
        consumed.Add(name);
        return values.GetValueOrDefault(name);
    }

    public string Required(string name) =>
        Optional(name) ?? throw new UsageException($"option --{name} is required");

    public string String(string name, string fallback) => Optional(name) ?? fallback;

    public int Int(string name, int fallback, int min, int max)
    {
        var text = Optional(name);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new UsageException($"option --{name} must be a whole number from {min} to {max}, not '{text}'");
        }

        return value;
    }

    public void RejectUnknown()
    {
        var unknown = values.Keys.FirstOrDefault(name => !consumed.Contains(name));
        if (unknown is not null)
        {
            throw new UsageException($"unknown option --{unknown}");
        }
    }

    private static string OptionName(string arg)
    {
        if (arg.Length <= 2 || !arg.StartsWith("--", StringComparison.Ordinal))
        {
            throw new UsageException($"unexpected argument '{arg}'");
        }

        return arg[2..];
    }
}
