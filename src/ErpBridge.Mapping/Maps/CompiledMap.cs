using System.Xml.Xsl;

namespace ErpBridge.Mapping.Maps;

/// <summary>One compiled version of a stylesheet, immutable, so running transforms never see a half-reloaded map.</summary>
internal sealed record CompiledMap(XslCompiledTransform Transform, FileStamp Stamp, DateTimeOffset LoadedAt);
