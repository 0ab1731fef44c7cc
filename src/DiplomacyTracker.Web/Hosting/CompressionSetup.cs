using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace DiplomacyTracker.Web.Hosting;

/// <summary>
/// Brotli (or gzip) for responses made per request: pages and API answers. Static files need none of this:
/// MapStaticAssets serves them precompressed at publish.
/// </summary>
internal static class CompressionSetup
{
    public static void AddDiplomacyCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            // Compression is decided per request below, with BREACH in mind; HTTPS is then as safe as HTTP.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
    }

    /// <summary>
    /// Compresses what readers get. Not the account pages, and nothing for a signed-in editor: those responses carry
    /// secrets in clear (the antiforgery token of the sign-in and sign-out forms) next to text an attacker can
    /// choose (a search, an email address), which is what BREACH needs to read a secret from compressed sizes.
    /// </summary>
    public static void UseDiplomacyCompression(this WebApplication app) =>
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments("/account")
                && !context.Request.Cookies.ContainsKey(EditingSetup.AuthCookieName),
            readers => readers.UseResponseCompression());
}
