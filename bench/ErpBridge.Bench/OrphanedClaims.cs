using Microsoft.Data.Sqlite;

namespace ErpBridge.Bench;

/// <summary>
/// The claims each killed process left behind: read from the bridge's SQLite file right after a kill (before the next
/// start), the deliveries still InProgress under the dead process's worker id (machine:pid). Counted per delivery, this
/// is how often a delivery was claimed without an outcome, the count a crash-loop limit compares with its maximum.
/// </summary>
internal sealed class OrphanedClaims(string? database)
{
    private readonly Dictionary<long, int> counts = [];

    /// <summary>Claims left by killed processes, over all kills.</summary>
    public int Total => counts.Values.Sum();

    /// <summary>Deliveries left claimed by at least one killed process.</summary>
    public int Deliveries => counts.Count;

    /// <summary>The most claims without an outcome one delivery had.</summary>
    public int Most => counts.Values.DefaultIfEmpty().Max();

    /// <summary>Deliveries left claimed by at least <paramref name="kills"/> killed processes.</summary>
    public int AtLeast(int kills) => counts.Values.Count(c => c >= kills);

    /// <summary>Counts the claims the killed process <paramref name="pid"/> left; returns how many. 0 without a database.</summary>
    public int AfterKill(int pid)
    {
        if (database is null || !File.Exists(database))
        {
            return 0;
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT delivery_id FROM deliveries WHERE status = 'InProgress' AND claimed_by LIKE '%:' || $pid";
        command.Parameters.AddWithValue("$pid", pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var left = 0;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            counts[id] = counts.GetValueOrDefault(id) + 1;
            left++;
        }

        return left;
    }
}
