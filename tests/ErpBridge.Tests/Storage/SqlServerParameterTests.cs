using System.Data;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ErpBridge.Storage;
using Microsoft.Data.SqlClient;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ErpBridge.Tests.Storage;

/// <summary>
/// No SQL Server runs here: every store method runs against a recorder that builds the commands SqlClient would send,
/// under cultures whose dates are not month/day/year, and every parameter of every SQL Server statement is checked for
/// its declared type (datetime2 for times, never datetime) and every time sent as text for ISO 8601 round-trip form.
/// </summary>
public sealed partial class SqlServerParameterTests
{
    // Seven fractional digits: a format that drops them, or a datetime parameter (1/300 s), shows.
    private static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(1234567);

    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>
    /// The build runs with invariant globalization (no ICU cultures), so the cultures are made: German's day.month.year
    /// and Japanese's year/month/day with their separators, a decimal comma for the German one.
    /// </summary>
    public static IEnumerable<TestCaseData> Cultures()
    {
        yield return new TestCaseData(Culture("dd.MM.yyyy", "HH:mm:ss", ".", ",")).SetArgDisplayNames("German order dd.MM.yyyy");
        yield return new TestCaseData(Culture("yyyy/MM/dd", "H:mm:ss", "/", ".")).SetArgDisplayNames("Japanese order yyyy/MM/dd");
    }

    public static IEnumerable<TestCaseData> Statements() =>
        new SqlServerDialect().Statements().Select(s => new TestCaseData(s.Sql).SetName($"Statement_{s.Name}_EveryParameterHasADeclaredType"));

    [TestCaseSource(nameof(Cultures))]
    public void Culture_FormatsTimesOtherThanIso(CultureInfo culture)
    {
        // Guards the guard: under these cultures the old DateTime.ToString() is not ISO text, and the check below sees it.
        var text = WithCulture(culture, () => T0.UtcDateTime.ToString());
        Assert.That(TimeFailures(text), Is.Not.Empty, text);
    }

    [TestCaseSource(nameof(Cultures))]
    public async Task EveryStoreStatement_UnderCulture_SendsTypedParametersAndIsoTimes(CultureInfo culture)
    {
        var recorder = new CommandRecorder();
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            await RunEveryStoreMethodAsync(recorder);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }

        var run = recorder.Commands.Select(c => c.Statement).OfType<string>().ToHashSet(StringComparer.Ordinal);
        Assert.That(recorder.Dialect.Statements().Select(s => s.Name).Where(n => !run.Contains(n)), Is.Empty, "statements no store method ran here: call the method that sends each");

        var failures = recorder.Commands.SelectMany(c => c.Parameters.SelectMany(p => ParameterFailures(p).Select(f => $"{c.Statement ?? "migration"} {p.ParameterName}: {f}"))).ToList();
        Assert.That(failures, Is.Empty);

        // The times crossed intact: typed to the tick, and as text with all seven digits.
        var accept = recorder.Commands.First(c => c.Statement == nameof(SqlDialect.InsertMessageIfAbsent));
        Assert.That(accept.Parameters.Single(p => p.ParameterName == "@ReceivedAt").Value, Is.EqualTo(T0.UtcDateTime));
        var completion = Json(recorder.Commands.First(c => c.Statement == nameof(SqlDialect.CompleteDeliveries)), "@Rows");
        Assert.That(completion.EnumerateArray().Select(r => r.GetProperty("n").GetString()), Is.EqualTo(new[] { null, "2026-03-04T05:07:07.1234567Z" }));
        var versions = Json(recorder.Commands.First(c => c.Statement == nameof(SqlDialect.UpsertItemVersions)), "@Rows").EnumerateArray().Single();
        Assert.That((versions.GetProperty("s").GetString(), versions.GetProperty("r").GetString()), Is.EqualTo(("2026-03-04T05:05:07.1234567Z", "2026-03-04T05:06:07.1234567Z")));
    }

    [TestCaseSource(nameof(Statements))]
    public void Parameters_AreDeclaredAndNoLocalVariableSharesTheirNames(string sql)
    {
        // A parameter SqlServerDialect does not know is refused when sent; a local named like a parameter clashes on a
        // server whose names compare without case (@rows beside @Rows).
        var variables = new VariableCollector();
        foreach (var batch in MigrationRunner.Batches(sql))
        {
            new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(batch), out _).Accept(variables);
        }

        var parameters = variables.Referenced.Except(variables.Declared, StringComparer.OrdinalIgnoreCase);
        Assert.That(parameters.Where(p => SqlServerDialect.ParameterType(p) is null), Is.Empty, "parameters without a declared type");
        Assert.That(variables.Declared.Where(v => SqlServerDialect.ParameterType(v) is not null), Is.Empty, "local variables named like a parameter");
    }

    [Test]
    public void Type_TimeAsText_IsRefused()
    {
        var parameter = new SqlParameter("@Now", "2026-03-04 05:06:07");
        Assert.That(() => new SqlServerDialect().Type(parameter), Throws.InvalidOperationException.With.Message.Contains("@Now"));
    }

    [Test]
    public void Type_UnknownName_IsRefused()
    {
        var parameter = new SqlParameter("@Whatever", 1);
        Assert.That(() => new SqlServerDialect().Type(parameter), Throws.InvalidOperationException.With.Message.Contains("@Whatever"));
    }

    private static IEnumerable<string> ParameterFailures(SqlParameter parameter)
    {
        var declared = SqlServerDialect.ParameterType(parameter.ParameterName);
        if (declared != parameter.SqlDbType)
        {
            yield return $"sent as {parameter.SqlDbType}, declared {declared?.ToString() ?? "nowhere"}";
        }

        var expected = parameter.Value switch
        {
            DateTime { Kind: DateTimeKind.Utc } when parameter.Scale == 7 => SqlDbType.DateTime2,
            DateTime time => (SqlDbType?)null,
            string { Length: var length } when parameter.SqlDbType == SqlDbType.Char && parameter.Size == 64 && length <= 64 => SqlDbType.Char,
            string { Length: var length } when parameter.Size == -1 || (parameter.Size == 4000 && length <= 4000) => SqlDbType.NVarChar,
            string => null,
            long => SqlDbType.BigInt,
            int => SqlDbType.Int,
            bool => SqlDbType.Bit,
            DBNull => parameter.SqlDbType,
            _ => null,
        };
        if (expected != parameter.SqlDbType)
        {
            yield return $"a {parameter.Value?.GetType().Name} sent as {parameter.SqlDbType} (size {parameter.Size}, scale {parameter.Scale})";
        }

        if (parameter.Value is string text)
        {
            foreach (var failure in TimeFailures(text))
            {
                yield return failure;
            }
        }
    }

    /// <summary>Times in a text (and in the strings of a JSON text) that are not ISO 8601 round-trip UTC: every test time is in 2026.</summary>
    private static IEnumerable<string> TimeFailures(string text)
    {
        var strings = text.StartsWith('[') || text.StartsWith('{') ? Strings(JsonDocument.Parse(text).RootElement) : [text];
        return strings.Where(s => (s.Contains("2026", StringComparison.Ordinal) || s.Contains("2569", StringComparison.Ordinal)) && !IsoTime().IsMatch(s))
            .Select(s => $"time as '{s}', not ISO 8601 round-trip UTC");
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };

    private static JsonElement Json(RecordedCommand command, string parameter) =>
        JsonDocument.Parse((string)command.Parameters.Single(p => p.ParameterName == parameter).Value).RootElement;

    private static CultureInfo Culture(string datePattern, string timePattern, string dateSeparator, string decimalSeparator)
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.DateTimeFormat.ShortDatePattern = datePattern;
        culture.DateTimeFormat.LongTimePattern = timePattern;
        culture.DateTimeFormat.DateSeparator = dateSeparator;
        culture.NumberFormat.NumberDecimalSeparator = decimalSeparator;
        culture.NumberFormat.NumberGroupSeparator = decimalSeparator == "," ? "." : ",";
        return culture;
    }

    private static T WithCulture<T>(CultureInfo culture, Func<T> work)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = culture;
        try
        {
            return work();
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$")]
    private static partial Regex IsoTime();
}
