using System.Collections.Frozen;
using System.Data;
using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace ErpBridge.Storage;

/// <summary>
/// Every parameter the SQL Server statements take, typed by its name: left to the provider, a DateTime goes as
/// datetime (a 1/300 s clock, older than every datetime2(7) column it is compared with) and a null as nvarchar.
/// </summary>
public sealed partial class SqlServerDialect
{
    // Sizes follow the columns: times are datetime2(7), hashes char(64); other text goes as nvarchar(4000), or
    // nvarchar(max) when longer, so that a value is never cut and a statement has one plan whatever its length.
    private static readonly FrozenDictionary<string, SqlDbType> ParameterTypes = new Dictionary<string, SqlDbType>(StringComparer.OrdinalIgnoreCase)
    {
        ["Now"] = SqlDbType.DateTime2,
        ["Until"] = SqlDbType.DateTime2,
        ["Due"] = SqlDbType.DateTime2,
        ["RetryAt"] = SqlDbType.DateTime2,
        ["ProbeAt"] = SqlDbType.DateTime2,
        ["Since"] = SqlDbType.DateTime2,
        ["ChangedSince"] = SqlDbType.DateTime2,
        ["PlatformUpdatedAt"] = SqlDbType.DateTime2,
        ["SentAt"] = SqlDbType.DateTime2,
        ["ReceivedAt"] = SqlDbType.DateTime2,
        ["AppliedAt"] = SqlDbType.DateTime2,
        ["Before"] = SqlDbType.DateTime2,
        ["AfterAt"] = SqlDbType.DateTime2,
        ["BeforeAt"] = SqlDbType.DateTime2,
        ["ReceivedFrom"] = SqlDbType.DateTime2,
        ["ReceivedTo"] = SqlDbType.DateTime2,
        ["Expires"] = SqlDbType.DateTime2,
        ["ContentHash"] = SqlDbType.Char,
        ["Hash"] = SqlDbType.Char,
        ["RunId"] = SqlDbType.BigInt,
        ["Revision"] = SqlDbType.BigInt,
        ["AcknowledgedRevision"] = SqlDbType.BigInt,
        ["Max"] = SqlDbType.Int,
        ["Limit"] = SqlDbType.Int,
        ["Pages"] = SqlDbType.Int,
        ["Count"] = SqlDbType.Int,
        ["Version"] = SqlDbType.Int,
        ["Heal"] = SqlDbType.Bit,
        ["Cancelled"] = SqlDbType.Bit,
        ["After"] = SqlDbType.NVarChar,
        ["AlertId"] = SqlDbType.NVarChar,
        ["Body"] = SqlDbType.NVarChar,
        ["Expected"] = SqlDbType.NVarChar,
        ["Key"] = SqlDbType.NVarChar,
        ["Value"] = SqlDbType.NVarChar,
        ["Webhook"] = SqlDbType.NVarChar,
        ["AfterId"] = SqlDbType.NVarChar,
        ["AuditMessageId"] = SqlDbType.NVarChar,
        ["Action"] = SqlDbType.NVarChar,
        ["BeforeId"] = SqlDbType.NVarChar,
        ["By"] = SqlDbType.NVarChar,
        ["Detail"] = SqlDbType.NVarChar,
        ["Operator"] = SqlDbType.NVarChar,
        ["Text"] = SqlDbType.NVarChar,
        ["Canonical"] = SqlDbType.NVarChar,
        ["CanonicalXml"] = SqlDbType.NVarChar,
        ["Channel"] = SqlDbType.NVarChar,
        ["Channels"] = SqlDbType.NVarChar,
        ["Class"] = SqlDbType.NVarChar,
        ["Client"] = SqlDbType.NVarChar,
        ["CorrelationId"] = SqlDbType.NVarChar,
        ["Document"] = SqlDbType.NVarChar,
        ["DocumentType"] = SqlDbType.NVarChar,
        ["Endpoint"] = SqlDbType.NVarChar,
        ["ErpDocumentNumber"] = SqlDbType.NVarChar,
        ["Error"] = SqlDbType.NVarChar,
        ["Handover"] = SqlDbType.NVarChar,
        ["Holder"] = SqlDbType.NVarChar,
        ["IdocNumber"] = SqlDbType.NVarChar,
        ["IdocStatus"] = SqlDbType.NVarChar,
        ["Ids"] = SqlDbType.NVarChar,
        ["Item"] = SqlDbType.NVarChar,
        ["ItemKey"] = SqlDbType.NVarChar,
        ["Keys"] = SqlDbType.NVarChar,
        ["MessageId"] = SqlDbType.NVarChar,
        ["MessageType"] = SqlDbType.NVarChar,
        ["Name"] = SqlDbType.NVarChar,
        ["Numbers"] = SqlDbType.NVarChar,
        ["OrderId"] = SqlDbType.NVarChar,
        ["OrderNumber"] = SqlDbType.NVarChar,
        ["Payload"] = SqlDbType.NVarChar,
        ["Phase"] = SqlDbType.NVarChar,
        ["PlatformOrderId"] = SqlDbType.NVarChar,
        ["Reason"] = SqlDbType.NVarChar,
        ["Rows"] = SqlDbType.NVarChar,
        ["Settled"] = SqlDbType.NVarChar,
        ["Side"] = SqlDbType.NVarChar,
        ["Skus"] = SqlDbType.NVarChar,
        ["SourceSystem"] = SqlDbType.NVarChar,
        ["State"] = SqlDbType.NVarChar,
        ["Status"] = SqlDbType.NVarChar,
        ["Token"] = SqlDbType.NVarChar,
        ["TriggerBy"] = SqlDbType.NVarChar,
        ["Worker"] = SqlDbType.NVarChar,
        ["Xml"] = SqlDbType.NVarChar,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The type a parameter of this name is sent as; null for a name no statement takes.</summary>
    public static SqlDbType? ParameterType(string name) =>
        ParameterTypes.TryGetValue(name.TrimStart('@'), out var type) ? type : null;

    public override object Parameters(object values) => new SqlServerParameters(this, values);

    public override void Type(DbParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var name = parameter.ParameterName.TrimStart('@');
        var type = ParameterType(name)
            ?? throw new InvalidOperationException($"SQL Server parameter @{name} has no declared type: add it to SqlServerDialect's parameter types.");
        var sql = (SqlParameter)parameter;
        sql.SqlDbType = type;
        sql.Value = Checked(name, type, parameter.Value);
        switch (type)
        {
            case SqlDbType.DateTime2:
                sql.Scale = 7;
                break;
            case SqlDbType.Char:
                sql.Size = 64;
                break;
            case SqlDbType.NVarChar:
                sql.Size = sql.Value is string { Length: > 4000 } ? -1 : 4000;
                break;
        }
    }

    /// <summary>
    /// The value as its declared type carries it. A value of another kind is a bug (a time passed as text, a number as
    /// text): refused here rather than converted in some culture's format by the provider or the server.
    /// </summary>
    private static object Checked(string name, SqlDbType type, object? value) => (type, value) switch
    {
        (_, null or DBNull) => DBNull.Value,
        (SqlDbType.DateTime2, DateTime { Kind: DateTimeKind.Utc } utc) => utc,
        (SqlDbType.DateTime2, DateTimeOffset time) => time.UtcDateTime,
        (SqlDbType.BigInt, long or int) => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
        (SqlDbType.Int, int) => value,
        (SqlDbType.Bit, bool) => value,
        (SqlDbType.Char or SqlDbType.NVarChar, string) => value,
        _ => throw new InvalidOperationException($"SQL Server parameter @{name} is {type}; a {value!.GetType().Name} ({value}) cannot be sent as that."),
    };
}
