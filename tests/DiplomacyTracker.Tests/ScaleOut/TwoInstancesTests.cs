using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Events.Editing;
using DiplomacyTracker.Testing;
using DiplomacyTracker.Tests.Editing;
using DiplomacyTracker.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DiplomacyTracker.Tests.ScaleOut;

/// <summary>Two app instances (each its own host: own memory, caches and counters) on one database file.</summary>
public class TwoInstances : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "diplomacy-tests", "two-" + Guid.NewGuid().ToString("N"));

    public EditingApp First { get; private set; } = null!;

    public EditingApp Second { get; private set; } = null!;

    public string DatabasePath => Path.Combine(directory, "diplomacy.db");

    protected virtual int SignInAttemptsPerMinute => 1000;

    /// <summary>Called before the first instance starts, e.g. to leave files beside the database.</summary>
    protected virtual void Prepare(string databaseDirectory)
    {
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        Prepare(directory);
        var settings = new Dictionary<string, string?> { ["Editing:SignInAttemptsPerMinute"] = SignInAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        First = new SharedDatabaseApp(DatabasePath, settings);
        await First.InitializeAsync();
        Second = new SharedDatabaseApp(DatabasePath, settings);
        await Second.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is cleaned by the OS eventually.
        }
    }

    public static HttpClient Client(EditingApp instance, string? cookie = null)
    {
        var client = instance.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (cookie is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", cookie);
        }

        return client;
    }

    /// <summary>Fetches the sign-in form from <paramref name="formFrom"/> and posts it to <paramref name="postTo"/>, as a
    /// browser does when the proxy sends its two requests to different instances.</summary>
    public static async Task<HttpResponseMessage> SignInAcrossAsync(EditingApp formFrom, EditingApp postTo, string email, string password)
    {
        using var reader = Client(formFrom);
        var form = await reader.GetAsync("/account/sign-in");
        var html = await form.Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value);
        using var poster = Client(postTo, CookiesOf(form));
        return await poster.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Email"] = email,
            ["Password"] = password,
            ["ReturnUrl"] = "/",
        }));
    }

    /// <summary>The name=value pairs a response sets, as the browser sends them back.</summary>
    public static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]) : []);
}

public sealed class TwoInstancesTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [Fact]
    public async Task A_sign_in_form_from_one_instance_posts_to_the_other_and_its_cookie_writes_through_the_first()
    {
        // The antiforgery token and cookie come from the first instance and are checked by the second.
        var signedIn = await TwoInstances.SignInAcrossAsync(instances.First, instances.Second, EditingApp.AdminEmail, EditingApp.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
        var cookie = TwoInstances.CookiesOf(signedIn);
        Assert.Contains(EditingSetup.AuthCookieName + "=", cookie, StringComparison.Ordinal);

        // The sign-in cookie the second instance issued is an editor's on the first.
        var draft = await instances.First.ValidDraftAsync("Signed in elsewhere", year: 2061);
        using var editor = TwoInstances.Client(instances.First, cookie);
        editor.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        var created = await editor.PostAsync("/api/events", EditingApp.JsonBody(draft));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var anonymous = TwoInstances.Client(instances.First);
        anonymous.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/events", EditingApp.JsonBody(draft))).StatusCode);
    }

    [Fact]
    public async Task An_edit_saved_through_one_instance_is_on_the_next_read_through_the_other()
    {
        using var reader = TwoInstances.Client(instances.Second);
        async Task<string[]> TitlesAsync() =>
            (await reader.GetFromJsonAsync<PagedResult<EventSummary>>("/api/events?year=2062", Json))!.Items.Select(e => e.Title).ToArray();

        // Read twice, so the second instance has the empty answer in its cache.
        Assert.Empty(await TitlesAsync());
        Assert.Empty(await TitlesAsync());

        var draft = await instances.First.ValidDraftAsync("Saved on the first", 2062);
        draft.IgnoreDuplicates = true;
        var created = Assert.IsType<EventCommandResult.Saved>(await instances.First.Commands.CreateAsync(draft, EditingApp.AdminEmail));
        Assert.Equal(["Saved on the first"], await TitlesAsync());

        var editable = (await instances.First.Commands.GetForEditAsync(created.EventId))!;
        editable.Draft.Title = "Renamed on the first";
        editable.Draft.IgnoreDuplicates = true;
        Assert.IsType<EventCommandResult.Saved>(await instances.First.Commands.UpdateAsync(created.EventId, editable.Draft, editable.Version, EditingApp.AdminEmail));
        Assert.Equal(["Renamed on the first"], await TitlesAsync());
        Assert.Equal("Renamed on the first", (await reader.GetFromJsonAsync<EventDetails>($"/api/events/{created.EventId}", Json))!.Title);

        Assert.IsType<EventCommandResult.Saved>(await instances.First.Commands.SoftDeleteAsync(created.EventId, EditingApp.AdminEmail));
        Assert.Empty(await TitlesAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/events/{created.EventId}")).StatusCode);
    }

    [Fact]
    public async Task A_lockout_counted_on_one_instance_holds_on_the_other()
    {
        // Ten wrong passwords through the first instance lock the account (Identity's lockout, kept in the database).
        for (var i = 0; i < 10; i++)
        {
            var failed = await TwoInstances.SignInAcrossAsync(instances.First, instances.First, EditingApp.ReaderEmail, "wrong guess " + i);
            Assert.Equal(HttpStatusCode.Redirect, failed.StatusCode);
        }

        // The right password through the second instance is refused as locked.
        var locked = await TwoInstances.SignInAcrossAsync(instances.Second, instances.Second, EditingApp.ReaderEmail, EditingApp.ReaderPassword);
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.StartsWith("/account/sign-in?error=locked", locked.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain(EditingSetup.AuthCookieName + "=", TwoInstances.CookiesOf(locked), StringComparison.Ordinal);
    }
}

/// <summary>Two instances with a limit of five sign-in posts a minute from one address.</summary>
public sealed class RateLimitedInstances : TwoInstances
{
    protected override int SignInAttemptsPerMinute => 5;
}

public sealed class SharedRateLimitTests(RateLimitedInstances instances) : IClassFixture<RateLimitedInstances>
{
    [Fact]
    public async Task Sign_in_posts_to_both_instances_count_against_one_limit()
    {
        // The limit counts in fixed one-minute windows: six posts that straddle a minute's end are two windows' worth
        // (9 s for the six on a loaded machine). Start them at the beginning of a window.
        var left = TimeSpan.FromTicks(TimeSpan.TicksPerMinute - (DateTime.UtcNow.Ticks % TimeSpan.TicksPerMinute));
        if (left < TimeSpan.FromSeconds(40))
        {
            await Task.Delay(left + TimeSpan.FromMilliseconds(200));
        }

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            // Alternating instances: each sees only three posts, together they are six.
            var instance = i % 2 == 0 ? instances.First : instances.Second;
            statuses.Add((await TwoInstances.SignInAcrossAsync(instance, instance, EditingApp.AdminEmail, "guess number " + i)).StatusCode);
        }

        Assert.All(statuses.Take(5), s => Assert.Equal(HttpStatusCode.Redirect, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[5]);
    }
}

/// <summary>Two instances started beside a keys/ folder an older version wrote, with a payload protected by it.</summary>
public sealed class InstancesAfterFileKeys : TwoInstances
{
    public const string Purpose = "DiplomacyTracker.Tests.FileKeys";

    public string ProtectedByFileKeys { get; private set; } = "";

    protected override void Prepare(string databaseDirectory)
    {
        // What the app did before: keys as files in keys/ beside the database, under the same application name.
        var old = DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(databaseDirectory, "keys")), setup => setup.SetApplicationName(EditingSetup.ApplicationName));
        ProtectedByFileKeys = old.CreateProtector(Purpose).Protect("signed in before the upgrade");
    }
}

public sealed class FileKeysTests(InstancesAfterFileKeys instances) : IClassFixture<InstancesAfterFileKeys>
{
    [SqliteFact("key files were kept beside the SQLite file before keys moved into the database")]
    public void What_the_old_key_files_protected_is_still_read_by_both_instances()
    {
        foreach (var instance in new[] { instances.First, instances.Second })
        {
            var protector = instance.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(InstancesAfterFileKeys.Purpose);
            Assert.Equal("signed in before the upgrade", protector.Unprotect(instances.ProtectedByFileKeys));
        }
    }

    [SqliteFact("key files were kept beside the SQLite file before keys moved into the database")]
    public async Task The_old_keys_are_copied_into_the_database_once()
    {
        await using var db = instances.First.CreateDbContext();
        var names = db.DataProtectionKeys.Select(k => k.FriendlyName).ToList();
        Assert.Single(names);
        Assert.StartsWith("key-", names[0], StringComparison.Ordinal);
    }
}
