using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DiplomacyTracker.Web.Features.Account;

/// <summary>
/// The circuit's user, re-checked against the database every 30 minutes: a user who was deleted or whose security
/// stamp changed (signed out, password changed) becomes anonymous on open circuits. EditorGate checks on each write.
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> identityOptions)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(30);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        // A fresh scope: the circuit's own DbContext would serve the user from its cache.
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        return await EditorRevalidation.FindCurrentUserAsync(users, identityOptions.Value, authenticationState.User) is not null;
    }
}

internal static class EditorRevalidation
{
    /// <summary>
    /// The database's user behind a signed-in principal, or null when the user is gone or the principal's security
    /// stamp is no longer the user's (signed out, password changed).
    /// </summary>
    public static async Task<IdentityUser?> FindCurrentUserAsync(UserManager<IdentityUser> users, IdentityOptions options, ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return null;
        }

        if (!users.SupportsUserSecurityStamp)
        {
            return user;
        }

        var stamp = principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType);
        return stamp is not null && stamp == await users.GetSecurityStampAsync(user) ? user : null;
    }
}
