using DiplomacyTracker.Web.Features.Account;
using DiplomacyTracker.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DiplomacyTracker.Web.Features.Editing;

/// <summary>The user is an editor now, per the database, not only per the claims they signed in with.</summary>
internal sealed class CurrentEditorRequirement : IAuthorizationRequirement;

/// <summary>
/// Every write path's check, made at the moment of the write: a cookie (or a circuit's principal) passes only while its
/// user exists, its security stamp is the user's current one (sign-out and password changes renew it) and the user
/// still has the Editor role. Claims in a cookie can be up to 30 minutes old; this is not. An API key carries no
/// account: it passes while it is configured (its handler already checked that).
/// </summary>
internal sealed class CurrentEditorHandler(IServiceScopeFactory scopeFactory, IOptions<IdentityOptions> identityOptions, ILogger<CurrentEditorHandler> logger)
    : AuthorizationHandler<CurrentEditorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CurrentEditorRequirement requirement)
    {
        if (context.User.Identity is { IsAuthenticated: true, AuthenticationType: ApiKeyAuthenticationHandler.SchemeName })
        {
            context.Succeed(requirement);
            return;
        }

        // A fresh scope: a circuit's own DbContext would serve the user, and its stamp, from its cache.
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        if (await EditorRevalidation.FindCurrentUserAsync(users, identityOptions.Value, context.User) is { } user
            && await users.IsInRoleAsync(user, EditingSetup.EditorRole))
        {
            context.Succeed(requirement);
        }
        else if (context.User.Identity?.IsAuthenticated == true)
        {
            logger.LogWarning("{User} is no longer an editor (signed out, removed or demoted): write refused", context.User.Identity.Name);
        }
    }
}
