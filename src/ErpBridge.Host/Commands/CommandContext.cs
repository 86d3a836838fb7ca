namespace ErpBridge.Host.Commands;

/// <summary>What every command reads and writes: the console (or a test's writers) and extra configuration.</summary>
/// <param name="Configure">Extra configuration sources (tests); the commands otherwise read what the bridge reads.</param>
public sealed record CommandContext(TextReader Input, TextWriter Output, TextWriter Error, Action<IConfigurationBuilder>? Configure);
