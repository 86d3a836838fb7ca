namespace ErpBridge.Mapping.Maps;

/// <summary>A message could not be mapped; the message is the reason an operator reads.</summary>
public sealed class MappingFailedException(string message, Exception? inner = null) : Exception(message, inner);
