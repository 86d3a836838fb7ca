namespace ErpBridge.Sandboxes.ShipStation;

/// <summary>How a <see cref="ShipStationSandbox"/> starts: where it listens, the API key pair it accepts and its rate limit.</summary>
public sealed class ShipStationSandboxOptions
{
    /// <summary>Listen address; port 0 picks a free port (tests).</summary>
    public string Url { get; set; } = "http://127.0.0.1:0";

    public string ApiKey { get; set; } = "shipstation-key";

    public string ApiSecret { get; set; } = "shipstation-secret";

    /// <summary>Off by default so that tests and demos are not slowed; the X-Rate-Limit-* headers are sent either way.</summary>
    public bool RateLimitEnabled { get; set; }

    /// <summary>Requests per minute per API key (ShipStation v1: 40).</summary>
    public int RateLimitQuota { get; set; } = 40;

    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Requests kept in <see cref="ShipStationSandbox.Requests"/>; the oldest are dropped beyond it.</summary>
    public int MaxLoggedRequests { get; set; } = 10_000;

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
