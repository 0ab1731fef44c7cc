using System.Net;
using DiplomacyTracker.Testing;
using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Tests.Hosting;

/// <summary>What readers and API callers get when something breaks underneath (its own app: the test breaks the schema).</summary>
public sealed class ErrorHandlingTests(DiplomacyAppFactory app) : IClassFixture<DiplomacyAppFactory>
{
    [Fact]
    public async Task A_failing_page_answers_500_with_a_friendly_message_inside_the_app_and_a_failing_api_call_gets_problem_details()
    {
        await using (var db = app.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"Sources\" RENAME TO \"SourcesGone\"");
        }

        using var client = app.CreateClient();
        var page = await client.GetAsync("/sources");
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Something went wrong on this page", html, StringComparison.Ordinal);
        Assert.Contains("DiplomacyTracker", html, StringComparison.Ordinal);
        // No stack trace or SQL leaks to the reader outside Development.
        Assert.DoesNotContain("SqliteException", html, StringComparison.Ordinal);
        Assert.DoesNotContain("SourcesGone", html, StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/events/1");
        request.Headers.Accept.ParseAdd("application/json");
        var api = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("SqliteException", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Pages that don't need the broken table still work.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api-docs")).StatusCode);
    }

    [Fact]
    public async Task The_error_page_is_friendly_and_shows_a_reference()
    {
        using var client = app.CreateClient();
        var html = await client.GetStringAsync("/error");
        Assert.Contains("Sorry, something went wrong", html, StringComparison.Ordinal);
        Assert.Contains("Reference for support", html, StringComparison.Ordinal);
    }
}
