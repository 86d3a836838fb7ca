namespace ErpBridge.Core.Security;

/// <summary>What authentication has cost and refused since the start, for the status endpoint and for tests.</summary>
public sealed class AuthenticationCounters
{
    private long keyDerivations;
    private long failures;
    private long throttled;

    /// <summary>PBKDF2 derivations run (right, wrong and unknown-user passwords alike; a remembered password runs none).</summary>
    public long KeyDerivations => Interlocked.Read(ref keyDerivations);

    /// <summary>Authentications that failed after checking the credential.</summary>
    public long Failures => Interlocked.Read(ref failures);

    /// <summary>Attempts refused by the throttle without checking the credential.</summary>
    public long Throttled => Interlocked.Read(ref throttled);

    internal void KeyDerived() => Interlocked.Increment(ref keyDerivations);

    internal void Failed() => Interlocked.Increment(ref failures);

    internal void Refused() => Interlocked.Increment(ref throttled);
}
