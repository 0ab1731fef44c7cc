using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiplomacyTracker.Data.Events.Editing;
using DiplomacyTracker.Web.Features.Editing;
using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Tests.Editing;

/// <summary>GET /api/events/{id} is what PUT takes back; PATCH changes only what it sends, against the version read.</summary>
public sealed class PartialEditTests(EditingApp app) : IClassFixture<EditingApp>
{
    private async Task<int> CreateAsync(string title, int year)
    {
        var draft = await app.ValidDraftAsync(title, year);
        draft.IgnoreDuplicates = true;
        var saved = await app.Commands.CreateAsync(draft, EditingApp.AdminEmail);
        return Assert.IsType<EventCommandResult.Saved>(saved).EventId;
    }

    private static async Task<(JsonObject Body, string ETag)> GetAsync(HttpClient client, int id)
    {
        var response = await client.GetAsync($"/api/events/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return (body, response.Headers.ETag!.Tag);
    }

    private static HttpRequestMessage Patch(int id, string json, string? ifMatch, string contentType = JsonMergePatchTests.MediaType)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/events/{id}") { Content = new StringContent(json, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return request;
    }

    private async Task<int> AuditCountAsync(int id)
    {
        await using var db = app.Db();
        return await db.AuditEntries.CountAsync(a => a.EventId == id);
    }

    [Fact]
    public async Task What_GET_returns_goes_back_through_PUT_unchanged_as_a_no_op()
    {
        var id = await CreateAsync("Round trip visit", 2016);
        using var client = app.CreateApiClient();
        var (body, etag) = await GetAsync(client, id);
        Assert.Equal(body["version"]!.GetValue<string>(), etag.Trim('"'));
        var audits = await AuditCountAsync(id);

        // The whole response, as it came.
        var whole = new HttpRequestMessage(HttpMethod.Put, $"/api/events/{id}") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        whole.Headers.TryAddWithoutValidation("If-Match", etag);
        var put = await client.SendAsync(whole);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(etag.Trim('"'), (await EditingApp.ReadJsonAsync(put)).GetProperty("version").GetString());
        Assert.Equal(audits, await AuditCountAsync(id));
        var (after, _) = await GetAsync(client, id);
        Assert.Equal(body.ToJsonString(), after.ToJsonString());

        // Just its "edit", the draft shape existing clients send.
        var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/events/{id}") { Content = new StringContent(body["edit"]!.ToJsonString(), Encoding.UTF8, "application/json") };
        edit.Headers.TryAddWithoutValidation("If-Match", etag);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(edit)).StatusCode);
        Assert.Equal(audits, await AuditCountAsync(id));
    }

    [Fact]
    public async Task A_seeded_event_goes_back_through_PUT_unchanged_too()
    {
        int id;
        await using (var db = app.Db())
        {
            id = await db.Events.Where(e => e.SeedKey == "2024-05-putin-state-visit-china").Select(e => e.Id).SingleAsync();
        }

        using var client = app.CreateApiClient();
        var (body, etag) = await GetAsync(client, id);
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/events/{id}") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        put.Headers.TryAddWithoutValidation("If-Match", etag);

        var response = await client.SendAsync(put);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(etag.Trim('"'), (await EditingApp.ReadJsonAsync(response)).GetProperty("version").GetString());
    }

    [Fact]
    public async Task PATCH_of_the_title_changes_the_title_and_nothing_else()
    {
        var id = await CreateAsync("Visit before the patch", 2017);
        using var client = app.CreateApiClient();
        var (before, etag) = await GetAsync(client, id);

        var response = await client.SendAsync(Patch(id, """{"title": "Visit after the patch"}""", etag));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (after, newTag) = await GetAsync(client, id);
        Assert.NotEqual(etag, newTag);
        Assert.Equal(newTag, response.Headers.ETag!.Tag);
        Assert.Equal("Visit after the patch", after["title"]!.GetValue<string>());
        var expected = before["edit"]!.AsObject();
        expected["title"] = "Visit after the patch";
        Assert.Equal(expected.ToJsonString(), after["edit"]!.ToJsonString());
        var audit = (await app.Commands.GetAuditTrailAsync(id))[0];
        Assert.Equal(["Title"], audit.Changes.Select(c => c.Field));
    }

    [Fact]
    public async Task PATCH_against_a_stale_version_is_refused_and_changes_nothing()
    {
        var id = await CreateAsync("Patched twice", 2014);
        using var client = app.CreateApiClient();
        var (_, etag) = await GetAsync(client, id);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Patch(id, """{"summary": "First patch."}""", etag))).StatusCode);
        var (current, _) = await GetAsync(client, id);

        var stale = await client.SendAsync(Patch(id, """{"title": "Second patch on the old version"}""", etag));

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(current["version"]!.GetValue<string>(), (await EditingApp.ReadJsonAsync(stale)).GetProperty("currentVersion").GetString());
        Assert.Equal(current.ToJsonString(), (await GetAsync(client, id)).Body.ToJsonString());
    }

    [Theory]
    [InlineData("""{"title": "x"}""", null, JsonMergePatchTests.MediaType, HttpStatusCode.PreconditionRequired)]
    [InlineData("""{"title": "x"}""", "\"not-a-version\"", JsonMergePatchTests.MediaType, HttpStatusCode.PreconditionRequired)]
    [InlineData("""{"title": "x"}""", "current", "application/json", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("""{"title": """, "current", JsonMergePatchTests.MediaType, HttpStatusCode.BadRequest)]
    [InlineData("""["title"]""", "current", JsonMergePatchTests.MediaType, HttpStatusCode.BadRequest)]
    [InlineData("""{"startDate": "the spring"}""", "current", JsonMergePatchTests.MediaType, HttpStatusCode.BadRequest)]
    public async Task PATCH_refuses_what_it_cannot_apply_with_problem_details_and_changes_nothing(string json, string? ifMatch, string contentType, HttpStatusCode expected)
    {
        var id = await CreateAsync("Patch refused " + expected + json.Length, 2012);
        using var client = app.CreateApiClient();
        var (before, etag) = await GetAsync(client, id);

        var response = await client.SendAsync(Patch(id, json, ifMatch == "current" ? etag : ifMatch, contentType));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before.ToJsonString(), (await GetAsync(client, id)).Body.ToJsonString());
    }

    [Fact]
    public async Task PATCH_is_validated_by_the_same_rules_and_null_removes_a_field()
    {
        var id = await CreateAsync("Patched into an invalid event", 2011);
        using var client = app.CreateApiClient();
        var (_, etag) = await GetAsync(client, id);

        var invalid = await client.SendAsync(Patch(id, """{"title": null, "legs": []}""", etag));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await EditingApp.ReadJsonAsync(invalid)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("Title", out _));
        Assert.True(errors.TryGetProperty("Legs", out _));

        var cleared = await client.SendAsync(Patch(id, """{"summary": null}""", etag));
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Equal(string.Empty, (await GetAsync(client, id)).Body["summary"]!.GetValue<string>());
    }
}

/// <summary>RFC 7396's own examples, and member names matched ignoring case.</summary>
public sealed class JsonMergePatchTests
{
    public const string MediaType = EventWriteApi.MergePatchType;

    [Theory]
    [InlineData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"a":null}""", """{}""")]
    [InlineData("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""")]
    [InlineData("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""")]
    [InlineData("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""")]
    [InlineData("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""")]
    [InlineData("""["a","b"]""", """["c","d"]""", """["c","d"]""")]
    [InlineData("""{"a":"b"}""", """["c"]""", """["c"]""")]
    [InlineData("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""")]
    [InlineData("""[1,2]""", """{"a":"b","c":null}""", """{"a":"b"}""")]
    [InlineData("""{}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""")]
    [InlineData("""{"title":"A","summary":"S"}""", """{"Title":"B"}""", """{"title":"B","summary":"S"}""")]
    public void Applies_as_the_RFC_says(string target, string patch, string expected)
    {
        var result = JsonMergePatch.Apply(JsonNode.Parse(target), JsonNode.Parse(patch));

        Assert.Equal(expected, result!.ToJsonString());
    }
}
