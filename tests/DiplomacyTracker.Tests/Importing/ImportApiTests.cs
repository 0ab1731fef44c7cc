using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DiplomacyTracker.Tests.Editing;

namespace DiplomacyTracker.Tests.Importing;

/// <summary>The import API over HTTP: authentication, problem details for bad files, dry run, import, undo, and an
/// export imported back (it recognises every event as already recorded).</summary>
public sealed class ImportApiTests(EditingApp app) : IClassFixture<EditingApp>
{
    private static StringContent Csv(string text)
    {
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    [Fact]
    public async Task Readers_and_anonymous_callers_cannot_import()
    {
        using var anonymous = app.CreateApiClient(apiKey: null);
        var response = await anonymous.PostAsync("/api/imports/dry-run", Csv(EventImportsTests.MixedFile(2001)));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        using var reader = await app.SignedInClientAsync(EditingApp.ReaderEmail, EditingApp.ReaderPassword);
        reader.DefaultRequestHeaders.Add("X-Requested-With", "test");
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync("/api/imports", Csv(EventImportsTests.MixedFile(2001)))).StatusCode);
    }

    [Fact]
    public async Task A_malformed_file_gets_400_problem_details_saying_why_and_nothing_is_written()
    {
        using var client = app.CreateApiClient();
        var before = await app.CountEventsAsync();

        var noTitle = await client.PostAsync("/api/imports", Csv("name,start\r\nVisit,2024-05-16\r\n"));
        Assert.Equal(HttpStatusCode.BadRequest, noTitle.StatusCode);
        Assert.Equal("application/problem+json", noTitle.Content.Headers.ContentType?.MediaType);
        var problem = await EditingApp.ReadJsonAsync(noTitle);
        Assert.Equal("The file cannot be read as an import", problem.GetProperty("title").GetString());
        Assert.Contains("title", problem.GetProperty("detail").GetString());

        var badJson = new StringContent("[{\"title\": ", Encoding.UTF8, "application/json");
        var json = await client.PostAsync("/api/imports/dry-run", badJson);
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Contains("JSON", (await EditingApp.ReadJsonAsync(json)).GetProperty("detail").GetString());

        var xml = await client.PostAsync("/api/imports", new StringContent("<events/>", Encoding.UTF8, "application/xml"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, xml.StatusCode);

        var huge = new ByteArrayContent(new byte[Web.Features.Importing.ImportApi.MaxFileBytes + 1]);
        huge.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var tooLarge = await client.PostAsync("/api/imports", huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains("larger than", (await EditingApp.ReadJsonAsync(tooLarge)).GetProperty("title").GetString());

        Assert.Equal(before, await app.CountEventsAsync());
    }

    [Fact]
    public async Task Dry_run_import_reimport_and_undo_through_the_api_with_a_multipart_upload()
    {
        using var client = app.CreateApiClient();
        var dry = await EditingApp.ReadJsonAsync(await client.PostAsync("/api/imports/dry-run", Csv(EventImportsTests.MixedFile(2002))));
        Assert.Equal(2, dry.GetProperty("wouldCreate").GetInt32());
        var rows = dry.GetProperty("rows").EnumerateArray().ToList();
        var badDate = rows.Single(r => r.GetProperty("row").GetInt32() == 4);
        Assert.Equal("refused", badDate.GetProperty("outcome").GetString());
        Assert.Equal("start", badDate.GetProperty("problems")[0].GetProperty("field").GetString());
        var seeded = rows.Single(r => r.GetProperty("row").GetInt32() == 10);
        Assert.Equal("alreadyImported", seeded.GetProperty("outcome").GetString());
        Assert.Matches("^/events/\\d+$", seeded.GetProperty("existing")[0].GetProperty("url").GetString());

        using var form = new MultipartFormDataContent();
        form.Add(Csv(EventImportsTests.MixedFile(2002)), "file", "visits-2002.csv");
        var created = await client.PostAsync("/api/imports", form);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await EditingApp.ReadJsonAsync(created);
        var importId = body.GetProperty("importId").GetInt32();
        Assert.Equal(2, body.GetProperty("created").GetInt32());
        Assert.Equal($"/api/imports/{importId}", created.Headers.Location?.OriginalString);

        var summary = await EditingApp.ReadJsonAsync(await client.GetAsync($"/api/imports/{importId}"));
        Assert.Equal("visits-2002.csv", summary.GetProperty("fileName").GetString());
        Assert.Equal("api:importer", summary.GetProperty("userName").GetString());
        Assert.Equal(2, summary.GetProperty("eventIds").GetArrayLength());

        var again = await client.PostAsync("/api/imports", Csv(EventImportsTests.MixedFile(2002)));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(0, (await EditingApp.ReadJsonAsync(again)).GetProperty("created").GetInt32());

        var undo = await client.PostAsync($"/api/imports/{importId}/undo", null);
        Assert.Equal(HttpStatusCode.OK, undo.StatusCode);
        Assert.Equal(2, (await EditingApp.ReadJsonAsync(undo)).GetProperty("deleted").GetInt32());
        var twice = await client.PostAsync($"/api/imports/{importId}/undo", null);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/imports/999999/undo", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/imports/999999")).StatusCode);
    }

    [Theory]
    [InlineData("events.csv")]
    [InlineData("legs.csv")]
    public async Task The_export_imported_back_finds_every_event_already_recorded(string file)
    {
        using var client = app.CreateApiClient();
        var export = await client.GetStringAsync("/api/exports/" + file);
        var exported = export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;

        var response = await client.PostAsync("/api/imports/dry-run?fileName=export.csv", Csv(export.TrimStart('\uFEFF')));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = (await EditingApp.ReadJsonAsync(response)).GetProperty("rows").EnumerateArray().ToList();
        Assert.True(rows.Count >= 10, $"The export has {rows.Count} rows.");
        Assert.All(rows, r => Assert.Equal("alreadyImported", r.GetProperty("outcome").GetString()));
        Assert.True(exported >= rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => r.GetProperty("existing")[0].GetProperty("id").GetInt32()).Distinct().Count());
    }
}
