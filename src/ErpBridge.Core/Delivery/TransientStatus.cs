namespace ErpBridge.Core.Delivery;

/// <summary>
/// The HTTP statuses worth asking again for, the same for every remote party (stores and ERP receivers): 408 Request
/// Timeout, 425 Too Early, 429 Too Many Requests and every 5xx. Everything else the other side refused for good.
/// </summary>
public static class TransientStatus
{
    public static bool Is(int status) => status is 408 or 425 or 429 or >= 500;
}
