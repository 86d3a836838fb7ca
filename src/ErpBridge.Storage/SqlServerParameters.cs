using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Reflection;
using Dapper;

namespace ErpBridge.Storage;

/// <summary>
/// A statement's parameters for SQL Server: the properties of an object, each typed by <see cref="SqlServerDialect.Type"/>
/// rather than by Dapper's inference from the value.
/// </summary>
internal sealed class SqlServerParameters(SqlServerDialect dialect, object values) : SqlMapper.IDynamicParameters
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public void AddParameters(IDbCommand command, SqlMapper.Identity identity)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var property in Properties.GetOrAdd(values.GetType(), t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)))
        {
            var parameter = (DbParameter)command.CreateParameter();
            parameter.ParameterName = "@" + property.Name;
            parameter.Value = property.GetValue(values);
            dialect.Type(parameter);
            command.Parameters.Add(parameter);
        }
    }
}
