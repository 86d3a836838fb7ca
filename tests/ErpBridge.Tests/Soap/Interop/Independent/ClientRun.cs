using System.Text.Json;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Soap.Interop.Independent;

/// <summary>
/// The JSON report both independent clients print: the WSDL port they used, the address the served WSDL gave that port,
/// the SOAP envelope namespace of each request they sent, and the outcome of each step (submit, repeat, conflict).
/// </summary>
public sealed record ClientRun(string Port, string? Address, IReadOnlyList<string> EnvelopeNamespaces, IReadOnlyList<ClientStep> Steps)
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public ClientStep Step(string name) =>
        Steps.SingleOrDefault(s => s.Step == name) ?? throw new AssertionException($"The client reported no step '{name}'.");

    /// <summary>The report on the program's standard output; fails the test with the whole run when there is none.</summary>
    public static ClientRun Parse(ProcessResult result)
    {
        Assert.That(result.ExitCode, Is.Zero, result.Describe());
        try
        {
            return JsonSerializer.Deserialize<ClientRun>(result.StandardOutput, Options)
                ?? throw new AssertionException("The client printed null.\n" + result.Describe());
        }
        catch (JsonException ex)
        {
            throw new AssertionException($"The client's output is not its JSON report ({ex.Message}).\n{result.Describe()}");
        }
    }
}

public sealed record ClientStep(string Step, ClientReceipt? Receipt, ClientFault? Fault);

public sealed record ClientReceipt(string? MessageId, string? Status, string? ReceivedAt, IReadOnlyList<string>? Channels);

/// <summary>A fault as the client's generated code surfaced it; Typed means the detail arrived as the declared c:ErpBridgeFault.</summary>
public sealed record ClientFault(bool Typed, string? Exception, string? FaultCode, string? FaultString, ClientFaultDetail? Detail);

public sealed record ClientFaultDetail(string? Code, string? Reason, string? CorrelationId);
