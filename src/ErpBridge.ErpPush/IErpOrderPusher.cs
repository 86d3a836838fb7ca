namespace ErpBridge.ErpPush;

/// <summary>
/// Hands one order over to the ERP. Never throws for what the ERP or the network did: the result classifies it, so
/// the push job can retry, back off and dead-letter pushes exactly as it does deliveries.
/// </summary>
public interface IErpOrderPusher
{
    Task<ErpPushResult> PushAsync(ErpPushRequest request, CancellationToken ct);
}
