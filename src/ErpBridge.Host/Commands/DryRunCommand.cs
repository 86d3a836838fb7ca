using System.CommandLine;
using System.Xml;
using System.Xml.Linq;
using ErpBridge.Connectors;
using ErpBridge.Mapping.Maps;
using ErpBridge.Mapping.Plans;

namespace ErpBridge.Host.Commands;

/// <summary><c>dry-run</c>: the exact HTTP calls for a message, nothing sent. Exit codes: 0 printed, 1 failed (map, plan, store), 2 bad usage.</summary>
public static class DryRunCommand
{
    public static Command Create(CommandContext context)
    {
        var channel = CommandOptions.Channel("The channel whose calls to print.", required: true);
        var file = new Option<string>("--file") { Description = "A canonical message, or a raw ERP document with --document-type.", HelpName = "MESSAGE.xml", Required = true };
        var documentType = new Option<string>("--document-type") { Description = "Map the file from this ERP document type first (as the intake does).", HelpName = "TYPE" };
        var json = CommandOptions.Json();
        var command = new Command("dry-run", """
            Print the exact HTTP calls a message would make on a channel; nothing is sent.

            The file is a canonical message, or a raw ERP document with --document-type. Ids are resolved on
            the platform (read-only calls); no database is read or created.

            Exit codes: 0 printed, 1 failed (the map, the plan, an unknown channel or an unreachable store),
            2 bad usage (or no such file).
            """)
        {
            channel, file, documentType, json,
        };
        file.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } path && !File.Exists(path))
            {
                result.AddError($"no file '{path}'.");
            }
        });
        command.SetAction((parse, cancellationToken) => OperatorHost.RunAsync(
            context,
            "dry-run",
            services => RunAsync(services, context, parse.GetRequiredValue(channel), parse.GetRequiredValue(file), parse.GetValue(documentType), parse.GetValue(json), cancellationToken),
            withoutDatabase: true));
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider services, CommandContext context, string channel, string file, string? documentType, bool json, CancellationToken cancellationToken)
    {
        try
        {
            var document = XDocument.Load(file, LoadOptions.None);
            var (messageId, type, platform, decidedAtDelivery, calls) = await MessageDryRun.PlanAsync(services, channel, document, documentType, cancellationToken);
            if (json)
            {
                CommandJson.Write(context.Output, new
                {
                    messageId,
                    type,
                    channel,
                    platform,
                    decidedAtDelivery,
                    calls = calls.Select(c => new
                    {
                        c.Id,
                        c.Method,
                        url = c.Url.ToString(),
                        headers = c.Headers.Select(h => new { name = h.Key, value = h.Value }),
                        body = CommandJson.Body(c.JsonBody),
                        c.SkipReason,
                        c.LeftOut,
                    }),
                });
                return ExitCodes.Done;
            }

            var publishing = decidedAtDelivery > 0
                ? $" {decidedAtDelivery} call(s) that publish a product drafted for lack of a price are decided at delivery and not shown."
                : "";
            Print(context.Output, $"Dry run of {type} message {messageId} on channel {channel} ({platform}): {calls.Count} call(s), nothing sent.{publishing}", calls);
            return ExitCodes.Done;
        }
        catch (Exception ex) when (ex is MappingFailedException or PlanFormatException or XmlException or InvalidOperationException)
        {
            context.Error.WriteLine($"dry-run: {ex.Message}");
            return ExitCodes.Failed;
        }
    }

    private static void Print(TextWriter output, string heading, IReadOnlyList<PreparedCall> calls)
    {
        output.WriteLine(heading);
        foreach (var call in calls)
        {
            output.WriteLine();
            output.WriteLine(call.SkipReason is null ? $"{call.Method} {call.Url}" : $"(skipped: {call.SkipReason}) {call.Method} {call.Url}");
            if (call.LeftOut is not null)
            {
                output.WriteLine($"({call.LeftOut})");
            }

            foreach (var header in call.Headers)
            {
                output.WriteLine($"{header.Key}: {header.Value}");
            }

            if (call.JsonBody is not null)
            {
                output.WriteLine();
                output.WriteLine(call.JsonBody);
            }
        }
    }
}
