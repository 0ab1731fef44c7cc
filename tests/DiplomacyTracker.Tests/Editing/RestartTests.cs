using System.Net;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Events.Editing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DiplomacyTracker.Tests.Editing;

/// <summary>Two app lifetimes on one database file: what editors did, and their sign-in, outlive a restart.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "diplomacy-restart", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_new_visit_and_the_editor_cookie_survive_a_restart()
    {
        Directory.CreateDirectory(directory);
        var database = Path.Combine(directory, "diplomacy.db");
        string cookie;
        int id;
        await using (var first = new SharedDatabaseApp(database))
        {
            await first.InitializeAsync();
            var result = Assert.IsType<EventCommandResult.Saved>(await first.Commands.CreateAsync(await first.ValidDraftAsync("Visit before the restart", year: 2045), EditingApp.AdminEmail));
            id = result.EventId;
            using var client = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var signIn = await EditingApp.PostSignInAsync(client, EditingApp.AdminEmail, EditingApp.AdminPassword);
            cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("DiplomacyTracker.Auth=", StringComparison.Ordinal)).Split(';')[0];
        }

        SqliteConnection.ClearAllPools();
        await using var second = new SharedDatabaseApp(database);
        await second.InitializeAsync();
        var found = await second.Services.GetRequiredService<EventQueries>().SearchAsync(new EventFilter { YearFrom = 2045, Venue = "Kazan" }, 1, 50);
        Assert.Equal(id, Assert.Single(found.Items).Id);

        // Data-protection keys live in the database, so the cookie issued before the restart still signs in.
        using var again = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/events/new");
        request.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await again.SendAsync(request)).StatusCode);
        await using var db = second.CreateDbContext();
        Assert.NotEmpty(db.DataProtectionKeys);
        Assert.False(Directory.Exists(Path.Combine(directory, "keys")), "No key files beside the database any more.");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
