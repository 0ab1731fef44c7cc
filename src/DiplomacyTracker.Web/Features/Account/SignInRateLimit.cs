using DiplomacyTracker.Data.ScaleOut;

namespace DiplomacyTracker.Web.Features.Account;

/// <summary>
/// At most <c>Editing:SignInAttemptsPerMinute</c> (default 10) sign-in posts a minute from one address, counted in
/// the shared database (<see cref="RequestCounters"/>), so running several app instances does not multiply the limit.
/// Over it the post gets 429 and is not tried.
/// </summary>
internal sealed class SignInRateLimit(RequestCounters counters, IConfiguration configuration, ILoggerFactory loggers) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var perMinute = configuration.GetValue("Editing:SignInAttemptsPerMinute", 10);
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var count = await counters.CountAsync("sign-in", address, TimeSpan.FromMinutes(1), http.RequestAborted);
        if (count <= perMinute)
        {
            return await next(context);
        }

        loggers.CreateLogger("DiplomacyTracker.SignIn").LogWarning("Sign-in rate limit hit from {RemoteIp} ({Count} posts this minute)", address, count);
        return Results.Text("Too many sign-in attempts. Wait a minute and try again.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status429TooManyRequests);
    }
}
