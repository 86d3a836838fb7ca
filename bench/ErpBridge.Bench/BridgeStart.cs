namespace ErpBridge.Bench;

/// <summary>
/// How to start one bridge process: the program and its arguments (<c>dotnet</c> and the host's dll), settings as
/// environment variables on top of the ones it inherits, its working folder, and the file its output is appended to.
/// </summary>
internal sealed record BridgeStart(string FileName, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Environment, string WorkingDirectory, string OutputFile);
