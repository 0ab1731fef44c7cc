using System.Net;
using DiplomacyTracker.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Tests.Hosting;

public sealed class StartupTests(DiplomacyAppFactory app) : IClassFixture<DiplomacyAppFactory>
{
    [Fact]
    public async Task First_start_applies_every_migration_and_switches_to_wal()
    {
        await using var db = app.CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        if (db.Database.IsSqlite())
        {
            var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
            Assert.Equal("wal", Assert.Single(mode));
        }
        else
        {
            // PostgreSQL's derived tables are kept by triggers its hand-written migration adds.
            var triggers = await db.Database.SqlQueryRaw<string>("""SELECT tgname AS "Value" FROM pg_trigger WHERE NOT tgisinternal""").ToListAsync();
            Assert.Equal(Data.Events.PostgreSqlDerivedTables.Triggers.Select(t => t.Name).Order(), triggers.Order());
        }
    }

    [Fact]
    public async Task Health_answers_200_when_the_database_is_reachable()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Timeline_renders_the_app_shell_and_loads_blazor()
    {
        using var client = app.CreateClient();
        var html = await client.GetStringAsync("/");
        Assert.Contains("DiplomacyTracker", html, StringComparison.Ordinal);
        Assert.Contains("<main", html, StringComparison.Ordinal);
        // The Blazor script, under its fingerprinted name, and served.
        var src = System.Text.RegularExpressions.Regex.Match(html, "src=\"(_framework/blazor\\.web\\.[a-z0-9]+\\.js)\"");
        Assert.True(src.Success, "The page does not load _framework/blazor.web.js.");

        var script = await client.GetAsync("/" + src.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/account/sign-in")]
    public async Task Every_stylesheet_and_script_the_page_links_is_served(string path)
    {
        using var client = app.CreateClient();
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync(path));
        var assets = document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href"))
            .Concat(document.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")))
            .OfType<string>()
            .ToList();
        Assert.Contains(assets, a => a.Contains("styles.css", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            // Served by the app itself (nothing from another host) and fingerprinted, so a published build can let browsers
            // cache it for good (the benchmark checks the immutable caching of the published app).
            Assert.False(Uri.TryCreate(asset, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal), $"{asset} comes from another host");
            var response = await client.GetAsync(new Uri(new Uri("http://localhost/"), asset));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset} answered {(int)response.StatusCode}");
            Assert.Matches(@"\.[a-z0-9]{10}\.([a-z]+\.)?(css|js)$", asset);
        }
    }

    [Fact]
    public async Task Pages_for_readers_are_sent_compressed_but_account_pages_are_not()
    {
        using var client = app.CreateClient();
        var page = new HttpRequestMessage(HttpMethod.Get, "/");
        page.Headers.AcceptEncoding.ParseAdd("br");
        var compressed = await client.SendAsync(page);
        Assert.Equal(["br"], compressed.Content.Headers.ContentEncoding);

        // The sign-in form carries an antiforgery token next to an email address taken from the URL (BREACH).
        var signIn = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in?email=someone%40example.org");
        signIn.Headers.AcceptEncoding.ParseAdd("br");
        Assert.Empty((await client.SendAsync(signIn)).Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Unknown_address_gets_a_404_with_a_friendly_page()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_request_is_logged_with_method_path_status_and_elapsed_time()
    {
        using var client = app.CreateClient();
        var path = "/health?probe=" + Guid.NewGuid().ToString("N");
        await client.GetAsync(path);

        // The file sink writes asynchronously from the request; give it a moment.
        string? line = null;
        for (var attempt = 0; attempt < 50 && line is null; attempt++)
        {
            await Task.Delay(100);
            line = ReadLogLines().FirstOrDefault(l => l.Contains("\"RequestPath\":\"/health\"", StringComparison.Ordinal) && l.Contains("\"StatusCode\":200", StringComparison.Ordinal));
        }

        Assert.NotNull(line);
        Assert.Contains("\"RequestMethod\":\"GET\"", line, StringComparison.Ordinal);
        Assert.Contains("\"Elapsed\":", line, StringComparison.Ordinal);
        // The query string is not logged, and neither is the connection string.
        Assert.DoesNotContain("probe=", line, StringComparison.Ordinal);
        Assert.DoesNotContain(ReadLogLines(), l => l.Contains("Data Source=", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task First_start_on_a_new_database_logs_no_error()
    {
        using var client = app.CreateClient();
        await client.GetAsync("/health");

        // The file sink writes asynchronously; the seed's line is among the last of the start.
        for (var attempt = 0; attempt < 50 && !ReadLogLines().Any(l => l.Contains("Seed applied", StringComparison.Ordinal)); attempt++)
        {
            await Task.Delay(100);
        }

        Assert.Contains(ReadLogLines(), l => l.Contains("Seed applied", StringComparison.Ordinal));
        Assert.DoesNotContain(ReadLogLines(), l => l.Contains("\"Level\":\"Error\"", StringComparison.Ordinal) || l.Contains("\"Level\":\"Fatal\"", StringComparison.Ordinal));
    }

    private List<string> ReadLogLines()
    {
        if (!Directory.Exists(app.LogDirectory))
        {
            return [];
        }

        return Directory.EnumerateFiles(app.LogDirectory).SelectMany(path =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Split('\n');
        }).ToList();
    }
}

/// <summary>Its own app and database, because the test breaks the database.</summary>
public sealed class HealthWhenDatabaseIsGoneTests(DiplomacyAppFactory app) : IClassFixture<DiplomacyAppFactory>
{
    [Fact]
    public async Task Health_answers_503_when_the_database_is_not_reachable()
    {
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        if (DiplomacyAppFactory.Provider == Data.DatabaseProvider.PostgreSql)
        {
            await app.DropPostgresDatabaseAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(app.DatabasePath)!, "diplomacy.db*"))
            {
                File.Delete(file);
            }

            // Block the path so SQLite cannot even create a fresh file there.
            Directory.CreateDirectory(app.DatabasePath);
        }

        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }
}
