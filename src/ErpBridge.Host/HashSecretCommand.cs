using ErpBridge.Core.Security;

namespace ErpBridge.Host;

/// <summary>`hash-secret`: reads a password from standard input and prints the PasswordHash to configure for a client.</summary>
public static class HashSecretCommand
{
    public static int Run(TextReader input, TextWriter output, TextWriter error)
    {
        var secret = input.ReadLine();
        if (string.IsNullOrEmpty(secret))
        {
            error.WriteLine("hash-secret: give the password on standard input, e.g. `echo -n 'secret' | dotnet run --project src/ErpBridge.Host -- hash-secret`.");
            return 2;
        }

        output.WriteLine(SecretHash.Create(secret));
        return 0;
    }
}
