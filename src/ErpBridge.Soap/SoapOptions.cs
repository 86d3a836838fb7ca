namespace ErpBridge.Soap;

/// <summary>The section "ErpBridge:Soap".</summary>
public sealed class SoapOptions
{
    public const string Section = "ErpBridge:Soap";

    /// <summary>Path of the one endpoint that serves both SOAP versions and the WSDL (?wsdl).</summary>
    public string Path { get; set; } = "/ErpBridgeService.svc";

    /// <summary>Folder holding ErpBridgeService.wsdl and its XSDs; relative paths start at the content root.</summary>
    public string ContractFolder { get; set; } = "wsdl";

    /// <summary>Largest request body accepted, in bytes.</summary>
    public int MaxMessageBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// Deepest nesting of elements accepted, the Envelope counting as level 1. Real IDocs reach about 10 levels inside
    /// their envelope; a payload nested deeper costs every later reader (validation, maps) stack and time for nothing.
    /// </summary>
    public int MaxDepth { get; set; } = 128;

    /// <summary>
    /// Most entries of a message's list accepted in one request (Items/Item, Products/Product, Shipments/Shipment):
    /// each one is work on every routed channel, so a larger batch is split by the sender.
    /// </summary>
    public int MaxItemsPerMessage { get; set; } = 10_000;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        // SoapCore maps a served WSDL by the path without its slashes, so the path is one segment.
        if (!Path.StartsWith('/') || Path.Length < 2 || Path.IndexOf('/', 1) >= 0)
        {
            errors.Add($"{Section}:Path: '{Path}' must be one segment such as /ErpBridgeService.svc.");
        }

        if (MaxMessageBytes is < 1024 or > 256 * 1024 * 1024)
        {
            errors.Add($"{Section}:MaxMessageBytes: {MaxMessageBytes} is outside 1024..268435456.");
        }

        if (MaxDepth is < 16 or > 4096)
        {
            errors.Add($"{Section}:MaxDepth: {MaxDepth} is outside 16..4096.");
        }

        if (MaxItemsPerMessage is < 1 or > 1_000_000)
        {
            errors.Add($"{Section}:MaxItemsPerMessage: {MaxItemsPerMessage} is outside 1..1000000.");
        }

        return errors;
    }
}
