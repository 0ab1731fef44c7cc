using System.Net;
using System.Security.Claims;
using DiplomacyTracker.Data.Events.Editing;
using DiplomacyTracker.Tests.Support;
using DiplomacyTracker.Web.Features.Editing;
using DiplomacyTracker.Web.Hosting;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DiplomacyTracker.Tests.Editing;

/// <summary>Browsing is public; writes need an editor, whichever way they come in (UI route, API, circuit event).</summary>
public sealed class AuthorizationTests(EditingApp app) : IClassFixture<EditingApp>
{
    [Fact]
    public async Task Anonymous_readers_browse_but_the_editor_route_sends_them_to_sign_in()
    {
        using var client = app.CreateApiClient(apiKey: null);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        var response = await client.GetAsync("/events/new");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("events%2Fnew", response.Headers.Location.Query, StringComparison.OrdinalIgnoreCase);

        var deleted = await client.GetAsync("/events/deleted");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
    }

    [Fact]
    public async Task Signed_in_non_editor_is_refused_the_editor_route()
    {
        using var client = await app.SignedInClientAsync(EditingApp.ReaderEmail, EditingApp.ReaderPassword);
        var response = await client.GetAsync("/events/new");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editor_gets_the_form_with_a_label_for_each_basic_field()
    {
        using var client = await app.SignedInClientAsync(EditingApp.AdminEmail, EditingApp.AdminPassword);
        var response = await client.GetAsync("/events/new");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        foreach (var label in new[] { "Title", "Type", "Status", "Start date", "End date (optional)", "Date precision", "Host side", "Summary", "City", "Role at the event" })
        {
            Assert.NotNull(document.ControlLabelled(label));
        }

        Assert.Contains("Add a visit", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_refuses_anonymous_non_editor_and_unknown_key_writes_and_saves_nothing()
    {
        var draft = await app.ValidDraftAsync("Refused visit", year: 2040);
        var before = await app.CountEventsAsync();
        var id = await AnyEventIdAsync();

        using var anonymous = app.CreateApiClient(apiKey: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/events", EditingApp.JsonBody(draft))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync($"/api/events/{id}")).StatusCode);

        using var wrongKey = app.CreateApiClient(apiKey: "not-the-key-not-the-key-not-the-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongKey.PostAsync("/api/events", EditingApp.JsonBody(draft))).StatusCode);

        using var reader = await app.SignedInClientAsync(EditingApp.ReaderEmail, EditingApp.ReaderPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync("/api/events", EditingApp.JsonBody(draft))).StatusCode);
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/events/{id}") { Content = EditingApp.JsonBody(draft) };
        put.Headers.IfMatch.ParseAdd($"\"{Guid.NewGuid()}\"");
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.SendAsync(put)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.DeleteAsync($"/api/events/{id}")).StatusCode);

        Assert.Equal(before, await app.CountEventsAsync());
        await using var db = app.Db();
        Assert.False(db.Events.Single(e => e.Id == id).IsDeleted);
    }

    [Fact]
    public async Task Editor_cookie_and_api_key_can_both_write_through_the_api()
    {
        using var editor = await app.SignedInClientAsync(EditingApp.AdminEmail, EditingApp.AdminPassword);
        var byCookie = await editor.PostAsync("/api/events", EditingApp.JsonBody(await app.ValidDraftAsync("By cookie", year: 2041)));
        Assert.Equal(HttpStatusCode.Created, byCookie.StatusCode);

        using var automation = app.CreateApiClient();
        var byKey = await automation.PostAsync("/api/events", EditingApp.JsonBody(await app.ValidDraftAsync("By key", year: 2042)));
        Assert.Equal(HttpStatusCode.Created, byKey.StatusCode);
        var id = (await EditingApp.ReadJsonAsync(byKey)).GetProperty("id").GetInt32();
        var trail = await app.Commands.GetAuditTrailAsync(id);
        Assert.Equal("api:importer", Assert.Single(trail).UserName);
    }

    [Fact]
    public async Task Cookie_writes_need_json_or_x_requested_with_so_a_cross_site_form_cannot_make_them_and_api_keys_need_neither()
    {
        var created = Assert.IsType<EventCommandResult.Saved>(await app.Commands.CreateAsync(await app.ValidDraftAsync("Deleted for the CSRF test", year: 2045), EditingApp.AdminEmail));
        var id = created.EventId;
        Assert.IsType<EventCommandResult.Saved>(await app.Commands.SoftDeleteAsync(id, EditingApp.AdminEmail));
        using var editor = await app.SignedInClientAsync(EditingApp.AdminEmail, EditingApp.AdminPassword);

        // What a cross-site form can send: no body, or a form body. Refused, and the event stays deleted.
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsync($"/api/events/{id}/restore", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsync($"/api/events/{id}/restore", new FormUrlEncodedContent(new Dictionary<string, string>()))).StatusCode);
        var textPlain = new StringContent("{}", System.Text.Encoding.UTF8, "text/plain");
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsync($"/api/events/{id}/restore", textPlain)).StatusCode);
        await using (var db = app.Db())
        {
            Assert.True(db.Events.IgnoreQueryFilters().Single(e => e.Id == id).IsDeleted);
        }

        // A script may send either marker.
        var restore = new HttpRequestMessage(HttpMethod.Post, $"/api/events/{id}/restore");
        restore.Headers.Add("X-Requested-With", "fetch");
        Assert.Equal(HttpStatusCode.OK, (await editor.SendAsync(restore)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.DeleteAsync($"/api/events/{id}")).StatusCode);
        var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/events/{id}") { Content = EditingApp.JsonBody(new { }) };
        Assert.Equal(HttpStatusCode.NoContent, (await editor.SendAsync(delete)).StatusCode);

        // An API key needs neither.
        using var automation = app.CreateApiClient();
        Assert.Equal(HttpStatusCode.OK, (await automation.PostAsync($"/api/events/{id}/restore", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await automation.DeleteAsync($"/api/events/{id}")).StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_circuit_event_from_a_non_editor_is_refused_on_the_server(bool signedInReader)
    {
        // What the editor page's Save, Delete and Restore handlers call: the check runs against the circuit's user,
        // so a forged event on a reader's (or signed-out) circuit writes nothing.
        var user = signedInReader
            ? new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, EditingApp.ReaderEmail)], "Identity.Application"))
            : new ClaimsPrincipal(new ClaimsIdentity());
        await using var scope = app.Services.CreateAsyncScope();
        var gate = ActivatorUtilities.CreateInstance<EditorGate>(scope.ServiceProvider, new FixedAuthenticationState(user));
        var id = await AnyEventIdAsync();
        var before = await app.CountEventsAsync();

        Assert.Null(await gate.GetEditorNameAsync());
        Assert.IsType<EventCommandResult.Forbidden>(await gate.CreateAsync(await app.ValidDraftAsync("Forged", year: 2043)));
        Assert.IsType<EventCommandResult.Forbidden>(await gate.DeleteAsync(id));
        var editable = await app.Commands.GetForEditAsync(id);
        editable!.Draft.Title = "Forged title";
        Assert.IsType<EventCommandResult.Forbidden>(await gate.UpdateAsync(id, editable.Draft, editable.Version));

        Assert.Equal(before, await app.CountEventsAsync());
        await using var db = app.Db();
        var saved = db.Events.Single(e => e.Id == id);
        Assert.False(saved.IsDeleted);
        Assert.NotEqual("Forged title", saved.Title);
    }

    [Fact]
    public async Task A_circuit_event_from_an_editor_is_allowed()
    {
        var (_, user) = await CreateEditorAsync("circuit-editor@example.org");
        await using var scope = app.Services.CreateAsyncScope();
        var gate = ActivatorUtilities.CreateInstance<EditorGate>(scope.ServiceProvider, new FixedAuthenticationState(user));
        Assert.Equal("circuit-editor@example.org", await gate.GetEditorNameAsync());
        var result = Assert.IsType<EventCommandResult.Saved>(await gate.CreateAsync(await app.ValidDraftAsync("From the circuit", year: 2044)));
    }

    [Fact]
    public async Task A_circuit_whose_user_lost_the_editor_role_cannot_write_on_its_next_event()
    {
        // The circuit's principal still carries the Editor role claim; the database no longer does.
        var (email, user) = await CreateEditorAsync("demoted-editor@example.org");
        await using var scope = app.Services.CreateAsyncScope();
        var gate = ActivatorUtilities.CreateInstance<EditorGate>(scope.ServiceProvider, new FixedAuthenticationState(user));
        Assert.IsType<EventCommandResult.Saved>(await gate.CreateAsync(await app.ValidDraftAsync("Before demotion", year: 2046)));

        await using (var admin = app.Services.CreateAsyncScope())
        {
            var users = admin.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            Assert.True((await users.RemoveFromRoleAsync((await users.FindByEmailAsync(email))!, EditingSetup.EditorRole)).Succeeded);
        }

        var before = await app.CountEventsAsync();
        Assert.True(user.IsInRole(EditingSetup.EditorRole));
        Assert.IsType<EventCommandResult.Forbidden>(await gate.CreateAsync(await app.ValidDraftAsync("After demotion", year: 2047)));
        Assert.Null(await gate.GetEditorNameAsync());
        Assert.Equal(before, await app.CountEventsAsync());
    }

    [Fact]
    public async Task A_circuit_whose_user_signed_out_elsewhere_cannot_write_on_its_next_event()
    {
        var (email, user) = await CreateEditorAsync("signed-out-editor@example.org");
        await using var scope = app.Services.CreateAsyncScope();
        var gate = ActivatorUtilities.CreateInstance<EditorGate>(scope.ServiceProvider, new FixedAuthenticationState(user));
        Assert.Equal(email, await gate.GetEditorNameAsync());

        using var client = await app.SignedInClientAsync(email, Password);
        var token = await EditingApp.GetAntiforgeryTokenAsync(client, "/");
        var signOut = await client.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        var before = await app.CountEventsAsync();
        Assert.IsType<EventCommandResult.Forbidden>(await gate.CreateAsync(await app.ValidDraftAsync("After sign-out", year: 2048)));
        Assert.Equal(before, await app.CountEventsAsync());
    }

    [Fact]
    public async Task The_write_api_refuses_an_editor_cookie_at_once_after_sign_out()
    {
        var (email, _) = await CreateEditorAsync("api-signed-out@example.org");
        using var client = await app.SignedInClientAsync(email, Password);
        var cookie = await AuthCookieAsync(client);
        Assert.Equal(HttpStatusCode.Created, (await PostWithCookieAsync(cookie, await app.ValidDraftAsync("Before sign-out", year: 2052))).StatusCode);
        var id = await AnyEventIdAsync();

        // Signing out renews the security stamp; the old cookie, replayed a moment later, no longer writes.
        var token = await EditingApp.GetAntiforgeryTokenAsync(client, "/");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))).StatusCode);

        var before = await app.CountEventsAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await PostWithCookieAsync(cookie, await app.ValidDraftAsync("After sign-out", year: 2053))).StatusCode);
        using var replay = CookieClient(cookie);
        Assert.Equal(HttpStatusCode.Forbidden, (await replay.DeleteAsync($"/api/events/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await replay.PostAsync($"/api/events/{id}/restore", null)).StatusCode);
        Assert.Equal(before, await app.CountEventsAsync());
        await using var db = app.Db();
        Assert.False(db.Events.Single(e => e.Id == id).IsDeleted);
    }

    [Fact]
    public async Task The_write_api_refuses_an_editor_cookie_at_once_after_the_editor_role_is_removed()
    {
        var (email, _) = await CreateEditorAsync("api-demoted@example.org");
        using var client = await app.SignedInClientAsync(email, Password);
        var cookie = await AuthCookieAsync(client);
        Assert.Equal(HttpStatusCode.Created, (await PostWithCookieAsync(cookie, await app.ValidDraftAsync("Before demotion", year: 2054))).StatusCode);

        await using (var admin = app.Services.CreateAsyncScope())
        {
            var users = admin.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            Assert.True((await users.RemoveFromRoleAsync((await users.FindByEmailAsync(email))!, EditingSetup.EditorRole)).Succeeded);
        }

        // The cookie still carries the Editor role claim; the database decides.
        var before = await app.CountEventsAsync();
        var refused = await PostWithCookieAsync(cookie, await app.ValidDraftAsync("After demotion", year: 2055));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await app.CountEventsAsync());
    }

    [Fact]
    public async Task The_write_api_takes_a_configured_key_without_an_account()
    {
        using var client = app.CreateApiClient();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/events", EditingApp.JsonBody(await app.ValidDraftAsync("By API key", year: 2056)))).StatusCode);
    }

    private static async Task<string> AuthCookieAsync(HttpClient signedIn)
    {
        // The cookie the browser holds: read back from a request the client makes with it.
        var response = await signedIn.GetAsync("/account/sign-in");
        Assert.True(response.RequestMessage!.Headers.TryGetValues("Cookie", out var sent));
        return string.Join("; ", sent!.SelectMany(c => c.Split("; ")).Where(c => c.StartsWith(EditingSetup.AuthCookieName + "=", StringComparison.Ordinal)));
    }

    private HttpClient CookieClient(string cookie)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        client.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        return client;
    }

    private async Task<HttpResponseMessage> PostWithCookieAsync(string cookie, EventDraft draft)
    {
        using var client = CookieClient(cookie);
        return await client.PostAsync("/api/events", EditingApp.JsonBody(draft));
    }

    [Fact]
    public async Task Circuits_get_an_authentication_state_that_is_revalidated()
    {
        await using var scope = app.Services.CreateAsyncScope();
        Assert.IsAssignableFrom<Microsoft.AspNetCore.Components.Server.RevalidatingServerAuthenticationStateProvider>(
            scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
    }

    private const string Password = "an editor passphrase";

    /// <summary>A new editor, and the principal a circuit gets when they sign in (role and security stamp claims).</summary>
    private async Task<(string Email, ClaimsPrincipal User)> CreateEditorAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, EditingSetup.EditorRole)).Succeeded);
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<IdentityUser>>().CreateAsync(user);
        return (email, principal);
    }

    private async Task<int> AnyEventIdAsync()
    {
        await using var db = app.Db();
        return db.Events.OrderBy(e => e.Id).Select(e => e.Id).First();
    }

    private sealed class FixedAuthenticationState(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
