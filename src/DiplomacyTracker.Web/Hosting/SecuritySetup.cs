using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace DiplomacyTracker.Web.Hosting;

/// <summary>
/// Security headers on every response (pages, API, static files, error pages), the reverse proxy's forwarded headers
/// from configured proxies only, and HSTS once a request arrives over HTTPS (see docs/decisions/0007-security-headers.md).
/// </summary>
internal static class SecuritySetup
{
    /// <summary>
    /// Scripts only from this app (no inline script, no eval); styles from this app plus inline ones, because
    /// MudBlazor writes its theme as an inline &lt;style&gt; and sets inline styles on components; the circuit's
    /// WebSocket goes to this origin; no plugins, no framing by other sites, forms post only here.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), " +
        "magnetometer=(), microphone=(), payment=(), usb=()";

    private static bool BehindProxy(IConfiguration configuration) =>
        configuration.GetSection("ReverseProxy:KnownProxies").GetChildren().Any() || configuration.GetSection("ReverseProxy:KnownNetworks").GetChildren().Any();

    public static void AddDiplomacySecurity(this WebApplicationBuilder builder)
    {
        var proxies = builder.Configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [];
        var networks = builder.Configuration.GetSection("ReverseProxy:KnownNetworks").Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Client address and scheme from the proxy in front (TLS ends there), believed only from configured proxies.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = 1;
            // The defaults trust loopback; nothing is trusted unless configured (the app may run behind anything).
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // The obsolete list is still consulted by the middleware: empty it too.
            options.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(builder.Configuration.GetValue("Security:HstsMaxAgeDays", 365));
            options.IncludeSubDomains = builder.Configuration.GetValue("Security:HstsIncludeSubDomains", false);
        });
    }

    public static void UseDiplomacySecurity(this WebApplication app)
    {
        // With no proxy configured the middleware would believe forwarded headers from anyone: leave it out then.
        if (BehindProxy(app.Configuration))
        {
            app.UseForwardedHeaders();
        }

        if (!app.Environment.IsDevelopment())
        {
            // Sent only on HTTPS requests (directly, or forwarded as https by a known proxy).
            app.UseHsts();
        }

        app.Use((context, next) =>
        {
            // Set when the response starts, so error pages (which clear the response) carry them too.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
