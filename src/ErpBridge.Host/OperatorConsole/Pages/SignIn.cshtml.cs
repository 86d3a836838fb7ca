using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace ErpBridge.Host.OperatorConsole.Pages;

/// <summary>The console's sign-in (and sign-out): operators of ErpBridge:Console:Operators, failures throttled.</summary>
public sealed class SignInModel(OperatorSignIn signIn, ILogger<SignInModel> logger) : ConsolePage
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? UserName { get; private set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? userName, string? password)
    {
        UserName = userName;
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var outcome = signIn.Check(userName, password, address);
        if (outcome.Throttled)
        {
            logger.LogWarning("Console sign-in refused for {UserName} from {Address}: too many failures", userName, address);
            Error = "Too many failed sign-ins: wait a few minutes and try again.";
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        if (!outcome.Succeeded)
        {
            logger.LogWarning("Console sign-in failed for {UserName} from {Address}", userName, address);
            Error = "Unknown user name or wrong password.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        var op = outcome.Operator!;
        var identity = new ClaimsIdentity(ClaimsOf(op), ConsoleAuthorization.Scheme);
        await HttpContext.SignInAsync(ConsoleAuthorization.Scheme, new ClaimsPrincipal(identity));
        logger.LogInformation("Console sign-in of {UserName} ({Role}) from {Address}", op.UserName, op.Role, address);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith(ConsoleServiceCollectionExtensions.PathBase, StringComparison.OrdinalIgnoreCase)
            ? ReturnUrl
            : ConsoleServiceCollectionExtensions.PathBase);
    }

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await HttpContext.SignOutAsync(ConsoleAuthorization.Scheme);
        return LocalRedirect(ConsoleServiceCollectionExtensions.PathBase + "/sign-in");
    }
}
