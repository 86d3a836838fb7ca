using ErpBridge.Core.Scheduling;
using ErpBridge.Storage;

namespace ErpBridge.Tests.Storage;

/// <summary>The Quartz tables a migration includes from the script Quartz ships.</summary>
public sealed class QuartzTablesTests
{
    [TestCase("create_postgres.sql")]
    [TestCase("create_sqlServer.sql")]
    public void Script_HasTheBridgesPrefix_AndOneBatchPerStatement(string name)
    {
        var script = QuartzTables.Script(name);
        var batches = MigrationRunner.Batches(script).ToList();

        Assert.That(script, Does.Not.Contain("{0}").And.Not.Contain("{1}").And.Not.Match(@"(?m)^--;;"));
        Assert.That(script, Does.Contain(ClusterScheduler.TablePrefix + "job_details").IgnoreCase);
        Assert.That(script, Does.Contain(ClusterScheduler.TablePrefix + "scheduler_state").IgnoreCase);

        // Quartz's scheduler needs at least its eleven classic tables, each made by a statement of its own.
        Assert.That(batches.Count(b => b.Contains("CREATE TABLE", StringComparison.OrdinalIgnoreCase)), Is.GreaterThanOrEqualTo(11));
    }

    [Test]
    public void Expand_ReplacesTheIncludeLine_AndKeepsTheRest()
    {
        var expanded = QuartzTables.Expand("-- before\n-- include: quartz create_postgres.sql\n-- after\n");

        Assert.That(expanded, Does.StartWith("-- before\n").And.EndWith("-- after\n"));
        Assert.That(expanded, Does.Not.Contain("include: quartz"));
        Assert.That(expanded, Does.Contain("CREATE TABLE IF NOT EXISTS " + ClusterScheduler.TablePrefix + "job_details"));
    }

    [Test]
    public void Expand_UnknownScript_NamesIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => QuartzTables.Expand("-- include: quartz create_nosuchdb.sql"));
        Assert.That(error!.Message, Does.Contain("create_nosuchdb.sql"));
    }

    [Test]
    public void SqlServerMigrations_IncludeQuartzTables()
    {
        var migration = MigrationRunner.Load(new SqlServerDialect()).Single(m => m.Name == "quartz_tables");
        Assert.That(migration.Sql, Does.Contain("IF OBJECT_ID(N'" + ClusterScheduler.TablePrefix + "JOB_DETAILS', N'U') IS NULL"));
    }
}
