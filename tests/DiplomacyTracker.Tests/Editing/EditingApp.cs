using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DiplomacyTracker.Data;
using DiplomacyTracker.Data.Events.Editing;
using DiplomacyTracker.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DiplomacyTracker.Tests.Editing;

/// <summary>The app with an admin editor, an API key and a reader (signed-in, not an editor) account.</summary>
public class EditingApp : DiplomacyAppFactory
{
    public const string AdminEmail = "admin@example.org";
    public const string AdminPassword = "correct horse battery";
    public const string ReaderEmail = "reader@example.org";
    public const string ReaderPassword = "reader password 1";
    public const string ApiKey = "test-api-key-0123456789abcdef";

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Admin:Email"] = AdminEmail,
        ["Admin:Password"] = AdminPassword,
        ["Editing:ApiKeys:importer"] = ApiKey,
        ["Editing:SignInAttemptsPerMinute"] = SignInAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    protected virtual int SignInAttemptsPerMinute => 1000;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        if (await users.FindByEmailAsync(ReaderEmail) is null)
        {
            var result = await users.CreateAsync(new IdentityUser { UserName = ReaderEmail, Email = ReaderEmail, EmailConfirmed = true }, ReaderPassword);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    public EventCommands Commands => Services.GetRequiredService<EventCommands>();

    public HttpClient CreateApiClient(string? apiKey = ApiKey)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    /// <summary>A client with cookies, signed in through the real sign-in form (antiforgery token included).</summary>
    public async Task<HttpClient> SignedInClientAsync(string email, string password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await PostSignInAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        return client;
    }

    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password, string returnUrl = "/")
    {
        var token = await GetAntiforgeryTokenAsync(client, "/account/sign-in");
        return await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Email"] = email,
            ["Password"] = password,
            ["ReturnUrl"] = returnUrl,
        }));
    }

    public static async Task<string> GetAntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var match = Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");
        Assert.True(match.Success, "The page has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public async Task<int> PersonIdAsync(string slug)
    {
        await using var db = CreateDbContext();
        return await db.People.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
    }

    public async Task<int> CountEventsAsync()
    {
        await using var db = CreateDbContext();
        return await db.Events.IgnoreQueryFilters().CountAsync();
    }

    /// <summary>A valid draft: a two-leg visit by two existing people in a year no seeded event uses, held when that
    /// is past and announced when it is to come (so no warning asks for confirmation), with a complete source.</summary>
    public async Task<EventDraft> ValidDraftAsync(string title = "Test visit", int year = 2031)
    {
        var xi = await PersonIdAsync("xi-jinping");
        var putin = await PersonIdAsync("vladimir-putin");
        return new EventDraft
        {
            Title = title,
            Type = Data.Events.EventType.StateVisit,
            Status = year > DateTime.UtcNow.Year ? Data.Events.EventStatus.Announced : Data.Events.EventStatus.Held,
            StartDate = new DateOnly(year, 3, 1),
            EndDate = new DateOnly(year, 3, 4),
            HostSide = Data.Common.Side.Russia,
            Summary = "A visit made up for a test.",
            Participants =
            [
                new ParticipantDraft { Key = "xi", PersonId = xi, Role = "President of China" },
                new ParticipantDraft { Key = "putin", PersonId = putin, Role = "President of Russia" },
            ],
            Legs =
            [
                new LegDraft { City = "Moscow", Country = "Russia", StartDate = new DateOnly(year, 3, 1), EndDate = new DateOnly(year, 3, 2), AttendeeKeys = ["xi", "putin"] },
                new LegDraft { City = "Kazan", Country = "Russia", StartDate = new DateOnly(year, 3, 3), EndDate = new DateOnly(year, 3, 4), AttendeeKeys = ["xi"] },
            ],
            Sources = [new SourceDraft { Key = "a", Title = "Report of the visit", Url = "https://example.org/visit", Outlet = "Example News", PublishedOn = new DateOnly(year, 3, 5) }],
            Statements = [new StatementDraft { SpeakerKey = "xi", Text = "We had good talks.", SourceKey = "a" }],
            Documents = [new DocumentDraft { Title = "Joint statement", SourceKey = "a" }],
        };
    }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Json);

    public static StringContent JsonBody(object value)
    {
        var content = new StringContent(JsonSerializer.Serialize(value, Json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    public DiplomacyDbContext Db() => CreateDbContext();
}

/// <summary>The editing app on a database file the test chooses (to restart on it, or to open a restored copy).</summary>
public sealed class SharedDatabaseApp(string database, IReadOnlyDictionary<string, string?>? settings = null) : EditingApp
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings
    {
        get
        {
            var all = new Dictionary<string, string?>(base.ExtraSettings) { ["ConnectionStrings:Diplomacy"] = SharedConnectionString(database) };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                all[key] = value;
            }

            return all;
        }
    }
}
