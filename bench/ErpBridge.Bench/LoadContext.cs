namespace ErpBridge.Bench;

/// <summary>What all workers of one run share.</summary>
internal sealed record LoadContext(SoapSender Sender, LoadSchedule Schedule, ErrorSamples Errors, string RunId, int ExpectedRequestsPerWorker);
