using DiplomacyTracker.Web.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DiplomacyTracker.Web.Features.Account;

/// <summary>
/// Sign-in and sign-out as form posts with an antiforgery token: UseAntiforgery checks sign-in (it binds the form);
/// sign-out binds nothing, so it checks the token itself. Sign-in is rate limited.
/// </summary>
internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account");
        account.MapPost("/sign-in", SignInAsync).AddEndpointFilter<SignInRateLimit>();
        account.MapPost("/sign-out", SignOutAsync);
    }

    private static async Task<IResult> SignInAsync(
        [FromForm] SignInForm form,
        SignInManager<IdentityUser> signIn,
        HttpContext context,
        ILoggerFactory loggerFactory)
    {
        var logger = loggerFactory.CreateLogger("DiplomacyTracker.SignIn");
        var returnUrl = IsLocal(form.ReturnUrl) ? form.ReturnUrl! : "/";
        var email = form.Email?.Trim() ?? string.Empty;
        if (email.Length > 0 && !string.IsNullOrEmpty(form.Password))
        {
            var result = await signIn.PasswordSignInAsync(email, form.Password, isPersistent: form.RememberMe, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                logger.LogInformation("Editor {Email} signed in", email);
                return Results.LocalRedirect(returnUrl);
            }

            // Never the password: only who tried, from where, and why it failed.
            logger.LogWarning("Failed sign-in for {Email} from {RemoteIp} (locked out: {LockedOut})", email, context.Connection.RemoteIpAddress, result.IsLockedOut);
            var error = result.IsLockedOut ? "locked" : "invalid";
            return Results.Redirect($"/account/sign-in?error={error}&email={Uri.EscapeDataString(email)}&returnUrl={Uri.EscapeDataString(returnUrl)}");
        }

        logger.LogWarning("Failed sign-in with missing email or password from {RemoteIp}", context.Connection.RemoteIpAddress);
        return Results.Redirect($"/account/sign-in?error=missing&email={Uri.EscapeDataString(email)}&returnUrl={Uri.EscapeDataString(returnUrl)}");
    }

    private static async Task<IResult> SignOutAsync(SignInManager<IdentityUser> signIn, IAntiforgery antiforgery, ILoggerFactory loggerFactory, HttpContext context)
    {
        // Without this, any site could sign an editor out with a cross-site form post.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The sign-out form has expired; reload the page and try again");
        }

        var name = context.User.Identity?.Name;
        // A new security stamp ends this user's open circuits (EditorGate refuses their next write) and other cookies.
        if (context.User.Identity?.IsAuthenticated == true && await signIn.UserManager.GetUserAsync(context.User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        if (name is not null)
        {
            loggerFactory.CreateLogger("DiplomacyTracker.SignIn").LogInformation("Editor {Email} signed out", name);
        }

        return Results.LocalRedirect("/");
    }

    /// <summary>
    /// Local under the rule LocalRedirect enforces (a path from the root, not "//" or "/\\", no control characters),
    /// so a return URL that passes here never makes LocalRedirect throw after the sign-in succeeded.
    /// </summary>
    internal static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    internal sealed class SignInForm
    {
        public string? Email { get; set; }

        public string? Password { get; set; }

        public bool RememberMe { get; set; }

        public string? ReturnUrl { get; set; }
    }
}
