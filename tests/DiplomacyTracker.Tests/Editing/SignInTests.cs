using System.Net;

namespace DiplomacyTracker.Tests.Editing;

public sealed class SignInTests(EditingApp app) : IClassFixture<EditingApp>
{
    [Fact]
    public async Task Failed_sign_in_shows_an_error_and_is_logged_with_the_email_but_never_the_password()
    {
        using var client = app.CreateApiClient(apiKey: null);
        const string wrong = "wrong-password-Zx81-unique";
        var response = await EditingApp.PostSignInAsync(client, EditingApp.AdminEmail, wrong);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("error=invalid", response.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var page = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("do not match an editor account", page, StringComparison.Ordinal);

        var line = await WaitForLogLineAsync("Failed sign-in");
        Assert.Contains(EditingApp.AdminEmail, line, StringComparison.Ordinal);
        Assert.DoesNotContain(ReadLogLines(), l => l.Contains(wrong, StringComparison.Ordinal) || l.Contains(EditingApp.AdminPassword, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sign_in_without_the_antiforgery_token_is_rejected()
    {
        using var client = app.CreateApiClient(apiKey: null);
        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = EditingApp.AdminEmail,
            ["Password"] = EditingApp.AdminPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("DiplomacyTracker.Auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        using var client = await app.SignedInClientAsync(EditingApp.AdminEmail, EditingApp.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/events/new")).StatusCode);

        var token = await EditingApp.GetAntiforgeryTokenAsync(client, "/");
        var response = await client.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var after = await client.GetAsync("/events/new");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/sign-in", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_without_the_antiforgery_token_is_refused_and_keeps_the_session()
    {
        using var client = await app.SignedInClientAsync(EditingApp.AdminEmail, EditingApp.AdminPassword);
        var response = await client.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/events/new")).StatusCode);

        var forged = await client.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = "forged" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/events/new")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_only_returns_to_local_addresses()
    {
        using var client = app.CreateApiClient(apiKey: null);
        var response = await EditingApp.PostSignInAsync(client, EditingApp.AdminEmail, EditingApp.AdminPassword, returnUrl: "https://evil.example/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("/events\r\nLocation: https://evil.example")]
    [InlineData("/\u007f")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    public async Task Sign_in_with_an_unsafe_return_url_lands_on_the_home_page(string returnUrl)
    {
        using var client = app.CreateApiClient(apiKey: null);
        var response = await EditingApp.PostSignInAsync(client, EditingApp.AdminEmail, EditingApp.AdminPassword, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    private async Task<string> WaitForLogLineAsync(string text)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (ReadLogLines().FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) is { } line)
            {
                return line;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"No log line with '{text}'.");
    }

    private List<string> ReadLogLines()
    {
        if (!Directory.Exists(app.LogDirectory))
        {
            return [];
        }

        var lines = new List<string>();
        foreach (var file in Directory.GetFiles(app.LogDirectory))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}

/// <summary>A low limit: the sixth sign-in attempt within a minute is refused.</summary>
public sealed class RateLimitedApp : EditingApp
{
    protected override int SignInAttemptsPerMinute => 5;
}

public sealed class SignInRateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task Repeated_failed_sign_ins_are_rate_limited()
    {
        using var client = app.CreateApiClient(apiKey: null);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await EditingApp.PostSignInAsync(client, EditingApp.AdminEmail, "guess number " + i)).StatusCode);
        }

        Assert.All(statuses.Take(5), s => Assert.Equal(HttpStatusCode.Redirect, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[5]);
    }
}
