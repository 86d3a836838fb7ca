namespace ErpBridge.Core.Scheduling;

/// <summary>
/// The scheduler of the work that must happen once per schedule however many nodes run: order polls and pushes,
/// reconciliation, IDoc audits. On a server database its jobs and triggers live in the database and the nodes share
/// them (Quartz clustering), so each schedule fires on one node; on SQLite, one node by nature, it keeps them in
/// memory. Delivery has a scheduler of its own on every node: its rounds are woken by each accept and kept to one node
/// per channel by the channel lease in the database.
/// </summary>
public static class ClusterScheduler
{
    /// <summary>The scheduler's name (Quartz's SCHED_NAME in the database).</summary>
    public const string Name = "ErpBridge.Cluster";

    /// <summary>The prefix of Quartz's tables, which the bridge's migrations create.</summary>
    public const string TablePrefix = "qrtz_";
}
