using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using DiplomacyTracker.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DiplomacyTracker.Web.Features.Editing;

/// <summary>
/// Editors' API keys for automation, from configuration: <c>Editing:ApiKeys:&lt;name&gt; = &lt;key&gt;</c>
/// (e.g. the environment variable <c>Editing__ApiKeys__importer</c>). A request sends <c>X-Api-Key</c>; a known key
/// signs it in as "api:&lt;name&gt;" with the Editor role. Only the write API's policy uses this scheme.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IConfiguration configuration)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(values[0]!));
        foreach (var key in configuration.GetSection("Editing:ApiKeys").GetChildren())
        {
            if (string.IsNullOrEmpty(key.Value) || key.Value.Length < 16)
            {
                continue;
            }

            var expected = SHA256.HashData(Encoding.UTF8.GetBytes(key.Value));
            if (CryptographicOperations.FixedTimeEquals(presented, expected))
            {
                var identity = new ClaimsIdentity(
                    [new Claim(ClaimTypes.Name, "api:" + key.Key), new Claim(ClaimTypes.Role, EditingSetup.EditorRole)],
                    SchemeName);
                return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
            }
        }

        Logger.LogWarning("Rejected an unknown API key from {RemoteIp} for {Path}", Context.Connection.RemoteIpAddress, Request.Path);
        return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        await Response.WriteAsJsonAsync(
            new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = StatusCodes.Status401Unauthorized, Title = "Unknown API key" },
            options: null,
            contentType: "application/problem+json");
    }
}
