using System.CommandLine;
using ErpBridge.Core.Security;

namespace ErpBridge.Host.Commands;

/// <summary><c>hash-secret</c>: reads a password from standard input and prints the PasswordHash to configure for a client. Exit codes: 0 printed, 2 no password given.</summary>
public static class HashSecretCommand
{
    public static Command Create(CommandContext context)
    {
        var command = new Command("hash-secret", """
            Print the PasswordHash of a password read on standard input.

            The hash goes into ErpBridge:Security:Clients. Example:
              echo -n 'secret' | dotnet run --project src/ErpBridge.Host -- hash-secret

            Exit codes: 0 printed, 2 no password on standard input.
            """);
        command.SetAction(_ => Run(context.Input, context.Output, context.Error));
        return command;
    }

    public static int Run(TextReader input, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var secret = input.ReadLine();
        if (string.IsNullOrEmpty(secret))
        {
            error.WriteLine("hash-secret: give the password on standard input, e.g. `echo -n 'secret' | dotnet run --project src/ErpBridge.Host -- hash-secret`.");
            return ExitCodes.Usage;
        }

        output.WriteLine(SecretHash.Create(secret));
        return ExitCodes.Done;
    }
}
