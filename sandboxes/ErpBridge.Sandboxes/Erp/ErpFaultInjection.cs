namespace ErpBridge.Sandboxes.Erp;

/// <summary>Injected misbehaviour: the next N hand-overs fail with an HTTP status or a SOAP fault, and every one may be delayed.</summary>
internal sealed class ErpFaultInjection
{
    private readonly Lock gate = new();
    private int failuresLeft;
    private int status;
    private ErpSandboxFault? fault;
    private long delayTicks;

    public TimeSpan Delay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref delayTicks));
        set => Interlocked.Exchange(ref delayTicks, Math.Max(0, value.Ticks));
    }

    public void FailNext(int count, int httpStatus)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(httpStatus, 400);
        lock (gate)
        {
            failuresLeft = count;
            status = httpStatus;
            fault = null;
        }
    }

    public void FailNext(int count, ErpSandboxFault soapFault)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(soapFault);
        if (soapFault.FaultCode is not ("Client" or "Server"))
        {
            throw new ArgumentException("A SOAP 1.1 fault code is Client or Server.", nameof(soapFault));
        }

        lock (gate)
        {
            failuresLeft = count;
            status = 500;
            fault = soapFault;
        }
    }

    /// <summary>The failure this hand-over must get, or null: an HTTP status, with a SOAP fault when <c>Fault</c> is set.</summary>
    public (int Status, ErpSandboxFault? Fault)? Take()
    {
        lock (gate)
        {
            if (failuresLeft == 0)
            {
                return null;
            }

            failuresLeft--;
            return (status, fault);
        }
    }
}
