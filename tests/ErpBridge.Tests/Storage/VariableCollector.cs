using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ErpBridge.Tests.Storage;

/// <summary>The variables a T-SQL batch declares and those it reads: what it reads and does not declare are its parameters.</summary>
public sealed class VariableCollector : TSqlFragmentVisitor
{
    public HashSet<string> Declared { get; } = new(StringComparer.OrdinalIgnoreCase);

    public HashSet<string> Referenced { get; } = new(StringComparer.OrdinalIgnoreCase);

    public override void Visit(VariableReference node) => Referenced.Add(node.Name);

    public override void Visit(DeclareVariableElement node) => Declared.Add(node.VariableName.Value);

    public override void Visit(DeclareTableVariableBody node) => Declared.Add(node.VariableName.Value);

    // A procedure's named argument (sp_getapplock @Resource = ...) names its parameter, not a variable of ours.
    public override void ExplicitVisit(ExecuteParameter node) => node.ParameterValue?.Accept(this);
}
