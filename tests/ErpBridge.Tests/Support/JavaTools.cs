namespace ErpBridge.Tests.Support;

/// <summary>Full paths of the JAX-WS import tool, the Java compiler and the Java launcher.</summary>
public sealed record JavaTools(string Wsimport, string Javac, string Java);
