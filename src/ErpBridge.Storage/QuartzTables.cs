using System.Text.RegularExpressions;
using ErpBridge.Core.Scheduling;
using Quartz;

namespace ErpBridge.Storage;

/// <summary>
/// Quartz's tables for the <see cref="ClusterScheduler"/> come with the bridge's migrations, from the script Quartz
/// itself ships for each database (the one its job store would run to provision them), so that they always match the
/// Quartz version the bridge runs and are created before any node starts its scheduler. A migration asks for it with a
/// line <c>-- include: quartz create_postgres.sql</c>; the script's statement separators become batch separators.
/// </summary>
public static partial class QuartzTables
{
    private const string ResourcePrefix = "Quartz.Impl.AdoJobStore.Schema.";

    /// <summary>The migration's text with each include line replaced by the script it names.</summary>
    /// <exception cref="InvalidOperationException">The named script is not in the Quartz assembly.</exception>
    public static string Expand(string migration) =>
        IncludeLine().Replace(migration, match => Script(match.Groups[1].Value));

    /// <summary>Quartz's script <paramref name="name"/> with the bridge's table prefix, one batch per statement.</summary>
    public static string Script(string name)
    {
        using var stream = typeof(IJob).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"Quartz ships no schema script '{name}' (Quartz {typeof(IJob).Assembly.GetName().Version}).");
        using var reader = new StreamReader(stream);
        var script = reader.ReadToEnd();

        // {0} is the table prefix, {1} the same without a schema, for index and constraint names.
        var prefixed = script.Replace("{0}", ClusterScheduler.TablePrefix, StringComparison.Ordinal)
            .Replace("{1}", ClusterScheduler.TablePrefix, StringComparison.Ordinal);
        return Separator().Replace(prefixed, "GO");
    }

    [GeneratedRegex(@"^--\s*include:\s*quartz\s+(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex IncludeLine();

    [GeneratedRegex(@"^--;;\r?$", RegexOptions.Multiline)]
    private static partial Regex Separator();
}
