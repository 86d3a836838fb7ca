using ErpBridge.Sandboxes.Shopify.GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Sandboxes.Shopify;

/// <summary>Body of <c>POST /_sandbox/seed</c>: <c>{"skus":["A","B"]}</c>.</summary>
public sealed record ShopifySeedRequest(IReadOnlyList<string>? Skus);
