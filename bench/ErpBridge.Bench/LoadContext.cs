namespace ErpBridge.Bench;

/// <summary>What all workers of one run share.</summary>
internal sealed record LoadContext(IReadOnlyList<SoapSender> Senders, LoadSchedule Schedule, ErrorSamples Errors, string RunId, int ExpectedRequestsPerWorker);
