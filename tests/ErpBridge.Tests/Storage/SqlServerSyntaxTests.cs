using ErpBridge.Storage;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ErpBridge.Tests.Storage;

/// <summary>No SQL Server runs here, so every statement of its dialect is at least parsed as T-SQL on every run.</summary>
public sealed class SqlServerSyntaxTests
{
    public static IEnumerable<TestCaseData> Statements() =>
        new SqlServerDialect().Statements().Select(s => new TestCaseData(s.Sql).SetName($"Statement_{s.Name}_ParsesAsTSql"));

    public static IEnumerable<TestCaseData> Migrations() =>
        MigrationRunner.Load(new SqlServerDialect()).Select(m => new TestCaseData(m.Sql).SetName($"Migration_{m.Version:0000}_{m.Name}_ParsesAsTSql"));

    [TestCaseSource(nameof(Statements))]
    [TestCaseSource(nameof(Migrations))]
    public void Parse(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        foreach (var batch in MigrationRunner.Batches(sql))
        {
            parser.Parse(new StringReader(batch), out var errors);
            Assert.That(errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}"), Is.Empty, batch);
        }
    }

    [Test]
    public void Parse_BrokenStatement_ReportsError()
    {
        // Guards the guard: the parser must reject what SQL Server would reject.
        new TSql160Parser(true).Parse(new StringReader("INSERT INTO dbo.messages VALUES ("), out var errors);
        Assert.That(errors, Is.Not.Empty);
    }

    [Test]
    public void Dialects_HaveTheSameMigrationVersions()
    {
        Assert.That(MigrationRunner.Load(new SqlServerDialect()).Select(m => (m.Version, m.Name)), Is.EqualTo(MigrationRunner.Load(new SqliteDialect()).Select(m => (m.Version, m.Name))));
    }
}
