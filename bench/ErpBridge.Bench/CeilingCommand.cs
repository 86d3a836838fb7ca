namespace ErpBridge.Bench;

/// <summary><c>ceiling --port N</c>: serve the fixed receipt until Ctrl+C or SIGTERM.</summary>
internal static class CeilingCommand
{
    public static async Task<int> RunAsync(ArgumentReader reader)
    {
        var port = reader.Int("port", 5099, 1, 65535);
        reader.RejectUnknown();
        await CeilingServer.RunAsync(port);
        return ExitCodes.Success;
    }
}
