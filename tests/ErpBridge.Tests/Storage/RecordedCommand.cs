using Microsoft.Data.SqlClient;

namespace ErpBridge.Tests.Storage;

/// <summary>One command a store sent: the dialect statement it ran (or null for migration scripts), its text and a copy of its parameters as sent.</summary>
public sealed record RecordedCommand(string? Statement, string Sql, IReadOnlyList<SqlParameter> Parameters);
