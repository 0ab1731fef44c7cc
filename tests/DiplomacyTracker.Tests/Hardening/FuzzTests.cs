using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiplomacyTracker.Tests.Editing;
using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Tests.Hardening;

/// <summary>Its own app and database: the fuzzer writes a great deal.</summary>
public sealed class FuzzApp : EditingApp;

/// <summary>
/// A bounded, repeatable fuzz run (fixed seed, ~2,500 requests): the Big List of Naughty Strings in every text field of
/// the write API and every parameter of the read API, plus wrong JSON types, broken JSON and odd ids and versions.
/// Nothing may answer 5xx; afterwards the app is healthy and the database intact.
/// </summary>
public sealed class FuzzTests(FuzzApp app) : IClassFixture<FuzzApp>
{
    private const int Seed = 20261125;

    private static readonly string[] Naughty = JsonSerializer.Deserialize<string[]>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Hardening", "NaughtyStrings", "blns.json")))!;

    // Every text field of an event draft, as a JSON path of the valid draft below.
    private static readonly string[][] TextFields =
    [
        ["title"], ["summary"], ["dateNote"], ["type"], ["status"], ["hostSide"], ["precision"], ["startDate"], ["endDate"],
        ["legs", "0", "city"], ["legs", "0", "country"], ["legs", "0", "site"], ["legs", "0", "startDate"], ["legs", "0", "attendeeKeys", "0"],
        ["participants", "0", "key"], ["participants", "0", "role"], ["participants", "1", "newNameEn"], ["participants", "1", "newNameZh"],
        ["participants", "1", "newNameRu"], ["participants", "1", "newCountry"],
        ["statements", "0", "text"], ["statements", "0", "attribution"], ["statements", "0", "speakerKey"], ["statements", "0", "sourceKey"], ["statements", "0", "kind"],
        ["documents", "0", "title"], ["documents", "0", "summary"], ["documents", "0", "kind"], ["documents", "0", "sourceKey"],
        ["sources", "0", "key"], ["sources", "0", "title"], ["sources", "0", "url"], ["sources", "0", "outlet"], ["sources", "0", "text"], ["sources", "0", "publishedOn"],
        ["topicSlugs", "0"],
    ];

    private static readonly string[] QueryParameters = ["year", "yearFrom", "yearTo", "venue", "participant", "type", "topic", "q", "xiputin", "page", "pageSize"];

    [Fact]
    public async Task Thousands_of_generated_requests_never_get_a_5xx_and_leave_the_database_intact()
    {
        var random = new Random(Seed);
        var failures = new List<string>();
        var sent = 0;
        using var api = app.CreateApiClient();
        using var reader = app.CreateClient();
        var draft = JsonNode.Parse(JsonSerializer.Serialize(await ValidDraftAsync(), EditingApp.Json))!;

        async Task Send(HttpClient client, HttpRequestMessage request, string what)
        {
            sent++;
            using var response = await client.SendAsync(request);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{(int)response.StatusCode} for {what}: {Truncate(await response.Content.ReadAsStringAsync())}");
            }
        }

        // 1. Each naughty string in each text field of a new event (a sample of fields per string keeps it bounded).
        foreach (var naughty in Naughty)
        {
            foreach (var field in TextFields.OrderBy(_ => random.Next()).Take(3))
            {
                var body = draft.DeepClone();
                Set(body, field, JsonValue.Create(naughty));
                await Send(api, Post("/api/events", body.ToJsonString()), $"POST with {string.Join('.', field)} = {Show(naughty)}");
            }
        }

        // 2. Wrong JSON types, nulls and extremes in every field.
        JsonNode?[] oddValues = [null, JsonValue.Create(-1), JsonValue.Create(long.MaxValue), JsonValue.Create(1e308), JsonValue.Create(true),
            new JsonArray(), new JsonObject(), JsonValue.Create(new string('x', 100_000))];
        foreach (var field in TextFields)
        {
            foreach (var odd in oddValues)
            {
                var body = draft.DeepClone();
                Set(body, field, odd?.DeepClone());
                await Send(api, Post("/api/events", body.ToJsonString()), $"POST with {string.Join('.', field)} = {Show(odd?.ToJsonString())}");
            }
        }

        // 3. Broken JSON: cut anywhere, bytes flipped, deep nesting, invalid UTF-8.
        var valid = draft.ToJsonString();
        for (var i = 0; i < 200; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(valid[..random.Next(valid.Length)]);
            if (random.Next(2) == 0 && bytes.Length > 0)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            await Send(api, Post("/api/events", bytes), $"POST with broken JSON #{i}");
        }

        await Send(api, Post("/api/events", new string('[', 5000) + new string(']', 5000)), "POST with deep nesting");

        // 4. Updates, deletes and restores with naughty versions and odd ids.
        foreach (var naughty in Naughty.Where((_, i) => i % 3 == 0))
        {
            var put = Post($"/api/events/{random.Next(1, 20)}", valid);
            put.Method = HttpMethod.Put;
            put.Headers.TryAddWithoutValidation("If-Match", naughty);
            await Send(api, put, $"PUT with If-Match {Show(naughty)}");
        }

        foreach (var id in new[] { "0", "-1", "2147483647", "2147483648", "99999999999999999999", "1e3", "%20" })
        {
            await Send(api, new HttpRequestMessage(HttpMethod.Delete, $"/api/events/{id}"), $"DELETE {id}");
            await Send(api, new HttpRequestMessage(HttpMethod.Post, $"/api/events/{id}/restore"), $"restore {id}");
            await Send(reader, new HttpRequestMessage(HttpMethod.Get, $"/api/events/{id}"), $"GET event {id}");
        }

        // 5. Each naughty string in each read API parameter (and, for a sample, the timeline page that shares them).
        foreach (var naughty in Naughty)
        {
            var parameter = QueryParameters[random.Next(QueryParameters.Length)];
            var query = $"?{parameter}={Uri.EscapeDataString(naughty)}";
            await Send(reader, new HttpRequestMessage(HttpMethod.Get, "/api/events" + query), $"GET /api/events{query}");
            if (random.Next(4) == 0)
            {
                await Send(reader, new HttpRequestMessage(HttpMethod.Get, "/" + query), $"GET /{query}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests answered 5xx:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(20))}");
        Assert.True(sent > 2000, $"Only {sent} requests were sent.");

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/health")).StatusCode);
        await using var db = app.CreateDbContext();
        if (db.Database.IsSqlite())
        {
            Assert.Equal(["ok"], await db.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync());
        }
    }

    private async Task<Data.Events.Editing.EventDraft> ValidDraftAsync()
    {
        var draft = await app.ValidDraftAsync("Fuzzed visit", year: 2061);
        draft.IgnoreDuplicates = true;
        draft.Participants.Add(new Data.Events.Editing.ParticipantDraft { Key = "new", NewNameEn = "Fuzz Person", NewNameZh = "测试", NewNameRu = "Тест" });
        draft.Legs[0].Site = "A site";
        draft.DateNote = "A note.";
        draft.TopicSlugs = ["ukraine"];
        draft.Sources[0].Text = "Article text.";
        draft.Sources[0].PublishedOn = new DateOnly(2061, 3, 5);
        draft.Statements[0].Attribution = "A ministry";
        draft.Documents[0].Summary = "Summary.";
        return draft;
    }

    private static void Set(JsonNode root, string[] path, JsonNode? value)
    {
        var node = root;
        for (var i = 0; i < path.Length - 1; i++)
        {
            node = int.TryParse(path[i], out var index) ? node!.AsArray()[index] : node![path[i]];
        }

        if (int.TryParse(path[^1], out var last))
        {
            node!.AsArray()[last] = value;
        }
        else
        {
            node!.AsObject()[path[^1]] = value;
        }
    }

    private static HttpRequestMessage Post(string path, string json) => Post(path, Encoding.UTF8.GetBytes(json));

    private static HttpRequestMessage Post(string path, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    }

    private static string Show(string? value) => value is null ? "null" : JsonSerializer.Serialize(Truncate(value));

    private static string Truncate(string text) => text.Length > 200 ? text[..200] + "…" : text;
}
