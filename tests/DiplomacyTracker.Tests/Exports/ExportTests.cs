using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CsvHelper;
using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Events.Editing;
using DiplomacyTracker.Tests.Editing;
using Ical.Net.CalendarComponents;
using Calendar = Ical.Net.Calendar;

namespace DiplomacyTracker.Tests.Exports;

/// <summary>
/// Each export parsed back with its own library (CsvHelper, System.Text.Json, Ical.Net) and compared with what
/// GET /api/events returns for the same filter, over all its pages.
/// </summary>
public sealed class ExportTests(ExportTests.App app) : IClassFixture<ExportTests.App>
{
    public const string EnvoySlug = "lin-envoy";

    /// <summary>The seeded app plus three events of a new envoy with names in three scripts: month-precision, unknown date, approximate.</summary>
    public sealed class App : EditingApp
    {
        public int MonthEventId { get; private set; }
        public int UndatedEventId { get; private set; }
        public int ApproximateEventId { get; private set; }

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var envoy = new ParticipantDraft { Key = "envoy", NewNameEn = "Lin Envoy", NewNameZh = "林特使", NewNameRu = "Лин Посланник", NewCountry = Side.China, Role = "Special envoy" };
            MonthEventId = await CreateAsync("Envoy's visit to Moscow · 特使访问 · визит", DatePrecision.Month, new DateOnly(2041, 5, 1), null, false, envoy, "Moscow", "Russia");
            UndatedEventId = await CreateAsync("Envoy's undated talks", DatePrecision.Unknown, null, null, false, envoy, "Kazan", "Russia");
            ApproximateEventId = await CreateAsync("Envoy's approximate talks", DatePrecision.Day, new DateOnly(2042, 12, 20), new DateOnly(2042, 12, 21), true, envoy, "Beijing", "China");
        }

        private async Task<int> CreateAsync(string title, DatePrecision precision, DateOnly? start, DateOnly? end, bool approximate, ParticipantDraft envoy, string city, string country)
        {
            var draft = new EventDraft
            {
                Title = title,
                Type = Data.Events.EventType.OfficialVisit,
                Precision = precision,
                StartDate = start,
                EndDate = end,
                DatesApproximate = approximate,
                DateNote = precision == DatePrecision.Day && !approximate ? null : "The report gives no exact date.",
                HostSide = Side.Russia,
                Summary = "Made up for the export tests.",
                Participants = [new ParticipantDraft { Key = envoy.Key, NewNameEn = envoy.NewNameEn, NewNameZh = envoy.NewNameZh, NewNameRu = envoy.NewNameRu, NewCountry = envoy.NewCountry, Role = envoy.Role }],
                Legs = [new LegDraft { City = city, Country = country, StartDate = start, EndDate = end, AttendeeKeys = [envoy.Key] }],
                Sources = [new SourceDraft { Key = "report", Title = "Envoy report", Url = "https://example.org/envoy", OutletUnknown = true, PublishedUnknown = true }],
                IgnoreDuplicates = true,
                // Held in the 2040s: made up for the tests, confirmed as such.
                ConfirmWarnings = true,
            };
            if (MonthEventId != 0)
            {
                // The envoy exists after the first event: pick the same person rather than a namesake.
                draft.Participants = [new ParticipantDraft { Key = envoy.Key, PersonId = await PersonIdAsync(EnvoySlug), Role = envoy.Role }];
            }

            var result = await Commands.CreateAsync(draft, AdminEmail);
            return Assert.IsType<EventCommandResult.Saved>(result).EventId;
        }
    }

    public static TheoryData<string> Filters => ["", "participant=" + EnvoySlug, "year=2024", "venue=Moscow&yearFrom=2019"];

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Csv_has_one_row_per_event_the_api_returns_in_the_same_order_with_dates_places_and_people(string filter)
    {
        var expected = await ApiItemsAsync(filter);
        using var client = app.CreateClient();
        var rows = await ReadCsvAsync(client, "/api/exports/events.csv?" + filter);

        Assert.Equal(expected.Select(e => e.GetProperty("id").GetInt32()), rows.Select(r => int.Parse(r["id"], CultureInfo.InvariantCulture)));
        foreach (var (row, item) in rows.Zip(expected))
        {
            Assert.Equal(item.GetProperty("title").GetString(), row["title"]);
            Assert.Equal(item.GetProperty("type").GetString(), row["type"]);
            Assert.Equal(item.GetProperty("start").GetProperty("iso").GetString() ?? "", row["start"]);
            Assert.Equal(item.GetProperty("end").GetProperty("iso").GetString() ?? "", row["end"]);
            Assert.Equal(item.GetProperty("start").GetProperty("precision").GetString(), row["precision"]);
            var legs = item.GetProperty("legs").EnumerateArray().ToList();
            Assert.Equal(string.Join("; ", legs.Select(l => l.GetProperty("city").GetString()).Distinct()), row["cities"]);
            Assert.Equal(string.Join("; ", item.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("person").GetProperty("name").GetString())), row["participants"]);
            Assert.Equal(item.GetProperty("statementCount").GetInt32().ToString(CultureInfo.InvariantCulture), row["statements"]);
            Assert.EndsWith("/events/" + row["id"], row["url"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Csv_starts_with_a_byte_order_mark_and_keeps_chinese_and_russian_names_and_partial_dates()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/api/exports/events.csv?participant=" + EnvoySlug);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"diplomacy-events-{EnvoySlug}.csv", response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);

        var rows = ParseCsv(bytes);
        var month = rows.Single(r => r["id"] == app.MonthEventId.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("Envoy's visit to Moscow · 特使访问 · визит", month["title"]);
        Assert.Equal("May 2041", month["dates"]);
        Assert.Equal("2041-05", month["start"]);
        Assert.Equal("Month", month["precision"]);
        Assert.Equal("Lin Envoy", month["participants"]);
        Assert.Equal("林特使", month["participants_zh"]);
        Assert.Equal("Лин Посланник", month["participants_ru"]);

        var undated = rows.Single(r => r["id"] == app.UndatedEventId.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("date unknown", undated["dates"]);
        Assert.Equal("", undated["start"]);
        Assert.Equal("Unknown", undated["precision"]);

        var approximate = rows.Single(r => r["id"] == app.ApproximateEventId.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("c. 20–21 December 2042", approximate["dates"]);
        Assert.Equal("True", approximate["approximate"]);
    }

    [Fact]
    public async Task Csv_columns_are_the_documented_ones_in_order()
    {
        using var client = app.CreateClient();
        var events = await HeaderAsync(client, "/api/exports/events.csv");
        var legs = await HeaderAsync(client, "/api/exports/legs.csv");

        Assert.Equal(
            ["id", "external_key", "title", "type", "type_text", "status", "dates", "start", "end", "precision", "approximate", "host_side", "xi_putin_meeting", "mentioned_only", "summary", "date_note", "cities", "countries", "participants", "participants_zh", "participants_ru", "participant_roles", "topics", "legs", "statements", "sources", "source_titles", "source_urls", "source_outlets", "source_published", "url"],
            events);
        Assert.Equal(
            ["event_id", "external_key", "event_title", "event_type", "event_status", "event_start", "event_end", "event_precision", "host_side", "mentioned_only", "summary", "date_note", "participants", "participant_roles", "topics", "source_titles", "source_urls", "source_outlets", "source_published", "leg", "city", "country", "site", "dates", "start", "end", "precision", "approximate", "attendees", "attendees_zh", "attendees_ru", "url"],
            legs);
    }

    [Fact]
    public async Task Leg_csv_has_one_row_per_leg_of_every_matching_event_with_its_attendees()
    {
        var expected = await ApiItemsAsync("yearFrom=2019");
        using var client = app.CreateClient();
        var rows = await ReadCsvAsync(client, "/api/exports/legs.csv?yearFrom=2019");

        // An event with no legs on record (mentioned in passing) still has its row, with the leg columns empty.
        var expectedLegs = expected.SelectMany(e => e.GetProperty("legs").GetArrayLength() == 0
            ? [(Id: e.GetProperty("id").GetInt32(), City: "", Start: "")]
            : e.GetProperty("legs").EnumerateArray().Select(l => (Id: e.GetProperty("id").GetInt32(), City: l.GetProperty("city").GetString()!, Start: l.GetProperty("start").GetProperty("iso").GetString() ?? ""))).ToList();
        Assert.Contains(expectedLegs, l => l.City == "");
        Assert.Contains(expected, e => e.GetProperty("legs").GetArrayLength() > 1);
        Assert.Equal(expectedLegs, rows.Select(r => (int.Parse(r["event_id"], CultureInfo.InvariantCulture), r["city"], r["start"])).ToList());
        Assert.Contains(rows, r => r["event_id"] == app.ApproximateEventId.ToString(CultureInfo.InvariantCulture) && r["attendees"] == "Lin Envoy" && r["attendees_zh"] == "林特使" && r["attendees_ru"] == "Лин Посланник");
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Json_is_every_page_of_the_api_as_one_array(string filter)
    {
        var expected = await ApiItemsAsync(filter);
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/api/exports/events.json?" + filter);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var exported = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(JsonValueKind.Array, exported.ValueKind);
        Assert.Equal(expected.Select(e => e.GetRawText()), exported.EnumerateArray().Select(e => e.GetRawText()));
    }

    [Fact]
    public async Task Calendar_has_an_all_day_event_per_dated_event_and_says_how_many_undated_ones_it_left_out()
    {
        var expected = await ApiItemsAsync("participant=" + EnvoySlug);
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/api/exports/events.ics?participant=" + EnvoySlug);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(3, expected.Count);
        Assert.Equal(
            [$"event-{app.MonthEventId}@diplomacytracker", $"event-{app.ApproximateEventId}@diplomacytracker"],
            calendar.Events.Select(e => e.Uid));
        Assert.Contains("1 matching event has no known date and is left out", Property(calendar, "X-WR-CALDESC"), StringComparison.Ordinal);
        Assert.Contains("lin-envoy", Property(calendar, "X-WR-CALNAME"), StringComparison.Ordinal);

        // Known only to the month: the whole of May, never "1 May", and the title says why.
        var month = calendar.Events.Single(e => e.Uid == $"event-{app.MonthEventId}@diplomacytracker");
        AssertAllDay(month, new DateOnly(2041, 5, 1), new DateOnly(2041, 6, 1));
        Assert.Equal("Envoy's visit to Moscow · 特使访问 · визит (May 2041, day not known)", month.Summary);
        Assert.Equal("Moscow", month.Location);
        Assert.EndsWith($"/events/{app.MonthEventId}", month.Url?.ToString(), StringComparison.Ordinal);
        Assert.Contains("Made up for the export tests.", month.Description, StringComparison.Ordinal);

        var approximate = calendar.Events.Single(e => e.Uid == $"event-{app.ApproximateEventId}@diplomacytracker");
        AssertAllDay(approximate, new DateOnly(2042, 12, 20), new DateOnly(2042, 12, 22));
        Assert.Equal("Envoy's approximate talks (c. 20–21 December 2042)", approximate.Summary);
        Assert.Contains("(approximate)", approximate.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calendar_of_the_whole_record_matches_the_api_dated_events_and_exact_days_keep_their_title()
    {
        var expected = await ApiItemsAsync("");
        using var client = app.CreateClient();
        var calendar = Calendar.Load(await client.GetStringAsync("/api/exports/events.ics"))!;

        var dated = expected.Where(e => e.GetProperty("start").GetProperty("precision").GetString() != "Unknown").ToList();
        Assert.Equal(dated.Select(e => $"event-{e.GetProperty("id").GetInt32()}@diplomacytracker"), calendar.Events.Select(e => e.Uid));
        var undated = expected.Count - dated.Count;
        Assert.Contains($"{undated} matching events have no known date", Property(calendar, "X-WR-CALDESC"), StringComparison.Ordinal);

        var visit = dated.First(e => e.GetProperty("title").GetString() == "Putin's state visit to China");
        var calendarVisit = calendar.Events.Single(e => e.Uid == $"event-{visit.GetProperty("id").GetInt32()}@diplomacytracker");
        Assert.Equal("Putin's state visit to China", calendarVisit.Summary);
        AssertAllDay(calendarVisit, new DateOnly(2024, 5, 16), new DateOnly(2024, 5, 18));
        Assert.Equal("Beijing, Harbin", calendarVisit.Location);
    }

    [Theory]
    [InlineData("/api/exports/events.csv?year=twenty")]
    [InlineData("/api/exports/legs.csv?type=Banquet")]
    [InlineData("/api/exports/events.json?yearFrom=2024&yearTo=2020")]
    [InlineData("/api/exports/events.ics?xiputin=maybe")]
    public async Task An_invalid_filter_gets_400_problem_details_naming_the_parameter(string url)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var parameter = url[(url.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('&').Last().Split('=')[0];
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.GetRawText());
    }

    [Fact]
    public async Task File_names_say_what_was_exported()
    {
        using var client = app.CreateClient();
        Assert.Equal("diplomacy-events-2024.csv", await FileNameAsync(client, "/api/exports/events.csv?year=2024"));
        Assert.Equal("diplomacy-legs-2019-2022-beijing.csv", await FileNameAsync(client, "/api/exports/legs.csv?yearFrom=2019&yearTo=2022&venue=Beijing"));
        Assert.Equal("diplomacy-events.json", await FileNameAsync(client, "/api/exports/events.json"));
        Assert.Equal("diplomacy-events-xi-putin.ics", await FileNameAsync(client, "/api/exports/events.ics?xiputin=true"));
    }

    private static async Task<string?> FileNameAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Content.Headers.ContentDisposition?.FileName;
    }

    private static void AssertAllDay(CalendarEvent calendarEvent, DateOnly start, DateOnly endExclusive)
    {
        Assert.False(calendarEvent.DtStart!.HasTime);
        Assert.Equal(start, DateOnly.FromDateTime(calendarEvent.DtStart.Value));
        Assert.Equal(endExclusive, DateOnly.FromDateTime(calendarEvent.DtEnd!.Value));
    }

    private static string Property(Calendar calendar, string name) =>
        calendar.Properties.FirstOrDefault(p => p.Name == name)?.Value?.ToString() ?? "";

    /// <summary>What GET /api/events returns for the filter, every page.</summary>
    private async Task<List<JsonElement>> ApiItemsAsync(string filter)
    {
        using var client = app.CreateClient();
        var items = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var result = await client.GetFromJsonAsync<JsonElement>($"/api/events?pageSize=2&page={page}&{filter}");
            items.AddRange(result.GetProperty("items").EnumerateArray());
            if (items.Count >= result.GetProperty("total").GetInt32() || result.GetProperty("items").GetArrayLength() == 0)
            {
                return items;
            }
        }
    }

    private static async Task<List<Dictionary<string, string>>> ReadCsvAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ParseCsv(await response.Content.ReadAsByteArrayAsync());
    }

    private static async Task<string[]> HeaderAsync(HttpClient client, string url)
    {
        using var reader = new StreamReader(new MemoryStream(await client.GetByteArrayAsync(url)), Encoding.UTF8);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        Assert.True(await csv.ReadAsync());
        csv.ReadHeader();
        return csv.HeaderRecord!;
    }

    internal static List<Dictionary<string, string>> ParseCsv(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<Dictionary<string, string>>();
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        while (csv.Read())
        {
            rows.Add(header.ToDictionary(h => h, h => csv.GetField(h) ?? ""));
        }

        return rows;
    }
}
