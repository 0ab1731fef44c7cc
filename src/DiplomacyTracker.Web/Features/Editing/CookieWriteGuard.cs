namespace DiplomacyTracker.Web.Features.Editing;

/// <summary>
/// CSRF guard for the write API. A call signed in with the editor cookie must send Content-Type: application/json or
/// an X-Requested-With header: a cross-site HTML form can send neither, and a cross-site script cannot without a CORS
/// preflight the app never allows. (The API has antiforgery tokens off and restore/delete have no body, so otherwise
/// only SameSite=Lax would stand in the way.) API-key calls carry no ambient credential and need neither.
/// </summary>
internal static class CookieWriteGuard
{
    public const string RequestedWithHeader = "X-Requested-With";

    public static TBuilder RequireNonFormRequestForCookies<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var byApiKey = http.User.Identity?.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName;
            if (!byApiKey && !http.Request.HasJsonContentType() && !http.Request.Headers.ContainsKey(RequestedWithHeader))
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "Send Content-Type: application/json or an X-Requested-With header",
                    detail: "Writes signed in with the editor cookie must come from a script, not a form post.");
            }

            return await next(context);
        });
}
