using ErpBridge.Sandboxes.Shopify.GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Sandboxes.Shopify;

/// <summary>The cost bucket settings of a <see cref="ShopifyFaultRequest"/>; absent values stay as they are.</summary>
public sealed record ShopifyRateLimitRequest(bool? Enabled, double? BucketSize, double? RestoreRate);
