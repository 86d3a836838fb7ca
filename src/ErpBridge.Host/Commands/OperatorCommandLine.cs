using System.CommandLine;
using System.CommandLine.Help;

namespace ErpBridge.Host.Commands;

/// <summary>The operator's command line: every command in one root, with the exit codes in the root help.</summary>
public static class OperatorCommandLine
{
    public static RootCommand Build(CommandContext context)
    {
        var root = new RootCommand("""
            ErpBridge. Without a command it runs the bridge, taking ASP.NET Core configuration arguments such
            as --urls or --ErpBridge:Storage:ConnectionString=... . A command runs against the bridge's
            configuration and database without starting the service.
            """)
        {
            HashSecretCommand.Create(context),
            MetricsTokenCommand.Create(context),
            DeadLettersCommand.Create(context),
            ResubmitCommand.Create(context),
            StatusCommand.Create(context),
            ChannelsCommand.Create(context),
            DryRunCommand.Create(context),
            MapsTestCommand.Create(context),
            OrdersCommand.Create(context),
            ResubmitOrderCommand.Create(context),
            ReconcileCommand.Create(context),
            ReconciliationReportCommand.Create(context),
        };

        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new RootHelpAction(root, help.Action!);
        return root;
    }
}
