using System.Security.Claims;
using ErpBridge.Core.Operators;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ErpBridge.Host.OperatorConsole;

/// <summary>What every console page shares: who is signed in, whether they may act, the audit trail, and a message for the next page.</summary>
public abstract class ConsolePage : PageModel
{
    /// <summary>A line shown once on the page after an action (post, redirect, get).</summary>
    [TempData]
    public string? Notice { get; set; }

    public string OperatorName => User.Identity?.Name ?? "";

    public bool MayAct => User.IsInRole(nameof(OperatorRole.Operator));

    /// <summary>Refuses an action to a viewer: null when the operator may act.</summary>
    protected IActionResult? RefuseViewer() => MayAct ? null : Forbid(ConsoleAuthorization.Scheme);

    /// <summary>Writes the action to the audit trail under the signed-in operator's name.</summary>
    protected Task RecordAsync(string action, string? messageId, string? channel, string? detail, CancellationToken cancellationToken)
    {
        var services = HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        return services.GetRequiredService<IOperatorActionStore>().RecordAsync(new OperatorAction(0, now, OperatorName, action, messageId, channel, detail), cancellationToken);
    }

    protected static Claim[] ClaimsOf(OperatorOptions op) =>
    [
        new(ClaimTypes.Name, op.UserName),
        new(ClaimTypes.Role, op.Role.ToString()),
    ];
}
