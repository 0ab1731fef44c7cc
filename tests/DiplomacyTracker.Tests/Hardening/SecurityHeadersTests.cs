using System.Net;
using DiplomacyTracker.Testing;
using DiplomacyTracker.Tests.Editing;

namespace DiplomacyTracker.Tests.Hardening;

public sealed class SecurityHeadersTests(DiplomacyAppFactory app) : IClassFixture<DiplomacyAppFactory>
{
    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/api/events?pageSize=1", HttpStatusCode.OK)]
    [InlineData("/api/events?year=abc", HttpStatusCode.BadRequest)]
    [InlineData("/api/events/987654", HttpStatusCode.NotFound)]
    [InlineData("/_framework/blazor.web.js", HttpStatusCode.OK)]
    [InlineData("/app.css", HttpStatusCode.OK)]
    [InlineData("/no/such/page", HttpStatusCode.NotFound)]
    [InlineData("/health", HttpStatusCode.OK)]
    [InlineData("/account/sign-in", HttpStatusCode.OK)]
    public async Task Every_kind_of_response_carries_the_security_headers(string path, HttpStatusCode status)
    {
        var response = await app.CreateClient().GetAsync(path);
        Assert.Equal(status, response.StatusCode);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToDictionary(d => d.Split(' ')[0], d => d);
        Assert.Equal("script-src 'self'", directives["script-src"]);
        Assert.Equal("object-src 'none'", directives["object-src"]);
        Assert.Equal("frame-ancestors 'self'", directives["frame-ancestors"]);
        Assert.Equal("default-src 'self'", directives["default-src"]);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("camera=()", Assert.Single(response.Headers.GetValues("Permissions-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_have_no_inline_script_for_the_policy_to_block()
    {
        var html = await app.CreateClient().GetStringAsync("/");
        var scripts = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll("script");
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.False(string.IsNullOrWhiteSpace(s.GetAttribute("src")), $"Inline script: {s.OuterHtml[..Math.Min(120, s.OuterHtml.Length)]}"));
    }
}

/// <summary>The app on a socket behind a (pretend) TLS-terminating proxy at 127.0.0.1, which it is told to trust.</summary>
public sealed class BehindProxyApp : KestrelAppFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["ReverseProxy:KnownProxies:0"] = "127.0.0.1",
        ["Admin:Email"] = EditingApp.AdminEmail,
        ["Admin:Password"] = EditingApp.AdminPassword,
    };
}

public sealed class BehindProxyTests(BehindProxyApp app) : IClassFixture<BehindProxyApp>
{
    [Fact]
    public async Task Over_https_at_a_known_proxy_cookies_are_secure_and_hsts_is_sent()
    {
        // Cookies are carried by hand: the test talks plain HTTP to the app, and a client keeps Secure cookies for HTTPS.
        using var client = Client(forwardedProto: "https", useCookies: false);
        var page = await client.GetAsync("/account/sign-in");
        Assert.Contains("max-age=", Assert.Single(page.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        var antiforgery = Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);

        var token = System.Text.RegularExpressions.Regex.Match(await page.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
                ["Email"] = EditingApp.AdminEmail,
                ["Password"] = EditingApp.AdminPassword,
                ["ReturnUrl"] = "/",
            }),
        };
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var signIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var auth = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("DiplomacyTracker.Auth=", StringComparison.Ordinal));
        Assert.Contains("; secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Over_plain_http_there_is_no_hsts_and_the_cookie_is_not_marked_secure()
    {
        using var client = Client(forwardedProto: null);
        var page = await client.GetAsync("/account/sign-in");
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
        Assert.All(page.Headers.GetValues("Set-Cookie"), c => Assert.False(c.Contains("; secure", StringComparison.OrdinalIgnoreCase), c));
    }

    private HttpClient Client(string? forwardedProto, bool useCookies = true)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = useCookies }) { BaseAddress = app.BaseAddress };
        // A public name: HSTS is never sent for localhost or 127.0.0.1.
        client.DefaultRequestHeaders.Host = "diplomacy.example.org";
        if (forwardedProto is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
            client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        }

        return client;
    }
}

/// <summary>Forwarded headers from an address nobody configured as a proxy are ignored.</summary>
public sealed class UntrustedProxyTests(SocketEditingApp app) : IClassFixture<SocketEditingApp>
{
    [Fact]
    public async Task A_forwarded_https_from_an_unknown_proxy_is_not_believed()
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var page = await client.GetAsync("/account/sign-in");
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
        Assert.All(page.Headers.GetValues("Set-Cookie"), c => Assert.False(c.Contains("; secure", StringComparison.OrdinalIgnoreCase), c));
    }
}
