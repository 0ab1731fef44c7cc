using System.Text;
using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Web.Features.Importing;

namespace DiplomacyTracker.Tests.Importing;

/// <summary>Reading import files into drafts (no database): the CSV columns of the export, and JSON write-API bodies.</summary>
public sealed class ImportFileTests
{
    private const string Header = "external_key,title,type,status,start,end,precision,approximate,host_side,mentioned_only,summary,date_note,cities,countries,participants,participant_roles,topics,source_titles,source_urls,source_outlets,source_published";

    private static async Task<ImportFileReadResult> ReadCsvAsync(params string[] lines) =>
        await ImportFile.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\r\n", lines))), "file.csv", "text/csv");

    private static async Task<IReadOnlyList<Data.Events.Importing.ImportRow>> RowsAsync(params string[] lines) =>
        Assert.IsType<ImportFileReadResult.Rows>(await ReadCsvAsync(lines)).Items;

    [Fact]
    public async Task An_export_row_becomes_a_draft_with_legs_paired_to_countries_every_participant_on_every_leg_and_its_sources()
    {
        var row = Assert.Single(await RowsAsync(
            Header,
            "k-1,Putin's state visit to China,StateVisit,Held,2024-05-16,2024-05-17,Day,False,China,False,Talks in two cities.,,Beijing; Harbin,China,Vladimir Putin; Xi Jinping,President of Russia; President of China,trade-energy; ukraine,Report one; Report two,https://example.org/1; ,Example News; Other Paper,2024-05-16; unknown"));

        Assert.Equal(2, row.Row);
        Assert.Equal("k-1", row.ExternalKey);
        Assert.Empty(row.Problems);
        var draft = row.Draft;
        Assert.Equal("Putin's state visit to China", draft.Title);
        Assert.Equal(EventType.StateVisit, draft.Type);
        Assert.Equal(Side.China, draft.HostSide);
        Assert.Equal(PartialDate.OfDay(2024, 5, 16), draft.Start);
        Assert.Equal(PartialDate.OfDay(2024, 5, 17), draft.End);
        Assert.Equal([("Beijing", "China"), ("Harbin", "China")], draft.Legs.Select(l => (l.City, l.Country)));
        Assert.Equal(["Vladimir Putin", "Xi Jinping"], draft.Participants.Select(p => p.NewNameEn));
        Assert.Equal(["President of Russia", "President of China"], draft.Participants.Select(p => p.Role));
        Assert.All(draft.Legs, l => Assert.Equal(draft.Participants.Select(p => p.Key), l.AttendeeKeys));
        Assert.Equal(["trade-energy", "ukraine"], draft.TopicSlugs);
        Assert.Equal(2, draft.Sources.Count);
        Assert.Equal(("Report one", "https://example.org/1", "Example News", (DateOnly?)new DateOnly(2024, 5, 16)), (draft.Sources[0].Title, draft.Sources[0].Url, draft.Sources[0].Outlet, draft.Sources[0].PublishedOn));
        Assert.Equal(("Report two", (string?)null, "Other Paper", (DateOnly?)null), (draft.Sources[1].Title, draft.Sources[1].Url, draft.Sources[1].Outlet, draft.Sources[1].PublishedOn));
    }

    [Fact]
    public async Task Dates_keep_their_precision_and_a_tilde_or_the_approximate_column_marks_them_approximate()
    {
        var rows = await RowsAsync(
            "title,start,end,approximate,date_note",
            "Month only,2023-10,,False,",
            "Inferred,~2022-12-20,~2022-12-21,False,The year is inferred.",
            "Flagged,2021,,True,Only the year is printed.",
            "Unknown,,,False,No date given.");

        Assert.Equal(PartialDate.OfMonth(2023, 10), rows[0].Draft.Start);
        Assert.False(rows[0].Draft.End.IsKnown);
        Assert.Equal(PartialDate.OfDay(2022, 12, 20, approximate: true), rows[1].Draft.Start);
        Assert.Equal(PartialDate.OfYear(2021, approximate: true), rows[2].Draft.Start);
        Assert.Equal(DatePrecision.Unknown, rows[3].Draft.Precision);
        Assert.All(rows, r => Assert.Empty(r.Problems));
    }

    [Fact]
    public async Task Bad_cells_are_problems_of_their_row_naming_the_column_and_the_other_rows_are_still_read()
    {
        var rows = await RowsAsync(
            "title,type,start,approximate,host_side,cities,countries,source_published",
            "Bad type,Summit,2024-05-16,False,China,,,",
            "Bad date,StateVisit,2024-13-01,False,China,,,",
            "Bad flag,StateVisit,2024-05-16,maybe,China,,,",
            "Bad countries,StateVisit,2024-05-16,False,China,Beijing; Harbin; Moscow,China; Russia,",
            "Bad published,StateVisit,2024-05-16,False,China,,,last May",
            "Good,StateVisit,2024-05-16,False,China,Beijing,China,2024-05-16");

        Assert.Equal(6, rows.Count);
        Assert.Equal("type", Assert.Single(rows[0].Problems).Field);
        Assert.Contains("StateVisit", rows[0].Problems[0].Message);
        Assert.Equal("start", Assert.Single(rows[1].Problems).Field);
        Assert.Equal("approximate", Assert.Single(rows[2].Problems).Field);
        Assert.Equal("Bad flag", rows[2].Draft.Title);
        Assert.Equal("countries", Assert.Single(rows[3].Problems).Field);
        Assert.Equal("source_published", Assert.Single(rows[4].Problems).Field);
        Assert.Empty(rows[5].Problems);
        Assert.Equal([2, 3, 4, 5, 6, 7], rows.Select(r => r.Row));
    }

    [Fact]
    public async Task A_file_without_a_title_column_or_with_broken_quoting_is_refused_as_a_whole_with_the_reason()
    {
        var noTitle = Assert.IsType<ImportFileReadResult.Malformed>(await ReadCsvAsync("name,start", "Visit,2024-05-16"));
        Assert.Contains("title", noTitle.Message);
        var empty = Assert.IsType<ImportFileReadResult.Malformed>(await ReadCsvAsync(string.Empty));
        Assert.Contains("empty", empty.Message);
        var broken = await ReadCsvAsync("title,start", "\"Visit,2024-05-16", "\"Other\" visit\",2024");
        Assert.IsType<ImportFileReadResult.Malformed>(broken);
    }

    [Fact]
    public async Task Cells_the_export_escaped_against_formula_injection_import_as_they_were_typed()
    {
        var row = Assert.Single(await RowsAsync("title,summary,participants", "'=HYPERLINK(1),'-2 degrees,'@Putin; Xi Jinping"));
        Assert.Equal("=HYPERLINK(1)", row.Draft.Title);
        Assert.Equal("-2 degrees", row.Draft.Summary);
        Assert.Equal(["@Putin", "Xi Jinping"], row.Draft.Participants.Select(p => p.NewNameEn));
        var plain = Assert.Single(await RowsAsync("title", "'Quoted' talks"));
        Assert.Equal("'Quoted' talks", plain.Draft.Title);
    }

    [Fact]
    public async Task Column_names_may_differ_in_case_and_spaces_as_a_spreadsheet_saves_them()
    {
        var row = Assert.Single(await RowsAsync(" Title , START ", "Visit,2024-05-16"));
        Assert.Equal("Visit", row.Draft.Title);
        Assert.Equal(PartialDate.OfDay(2024, 5, 16), row.Draft.Start);
    }

    [Fact]
    public async Task Json_is_an_array_of_write_api_bodies_with_an_optional_external_key_and_a_bad_item_refuses_only_itself()
    {
        const string json = """
            [
              { "externalKey": "j-1", "title": "From JSON", "type": "Call", "precision": "Day", "startDate": "2024-05-16",
                "participants": [ { "key": "a", "newNameEn": "Xi Jinping" } ] },
              { "title": "Bad type", "type": "Summit" },
              42
            ]
            """;
        var rows = Assert.IsType<ImportFileReadResult.Rows>(await ImportFile.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), "events.json", null)).Items;

        Assert.Equal(3, rows.Count);
        Assert.Equal("j-1", rows[0].ExternalKey);
        Assert.Equal(EventType.Call, rows[0].Draft.Type);
        Assert.Equal("Xi Jinping", Assert.Single(rows[0].Draft.Participants).NewNameEn);
        Assert.Empty(rows[0].Problems);
        Assert.Equal("Bad type", rows[1].Draft.Title);
        Assert.Single(rows[1].Problems);
        Assert.Single(rows[2].Problems);

        Assert.IsType<ImportFileReadResult.Malformed>(await ImportFile.ReadAsync(new MemoryStream("{\"title\":\"x\"}"u8.ToArray()), "events.json", "application/json"));
        Assert.IsType<ImportFileReadResult.Malformed>(await ImportFile.ReadAsync(new MemoryStream("[{\"title\":"u8.ToArray()), "events.json", "application/json"));
    }

    [Fact]
    public async Task A_legs_file_groups_the_rows_of_one_event_into_one_draft_with_a_leg_per_row_and_its_attendees()
    {
        var rows = await RowsAsync(
            "external_key,event_title,event_type,event_start,event_end,host_side,participants,participant_roles,source_titles,source_urls,source_outlets,source_published,leg,city,country,site,start,end,attendees",
            "v-1,Putin's state visit to China,StateVisit,2024-05-16,2024-05-17,China,Vladimir Putin; Xi Jinping,President of Russia; President of China,Report,https://example.org/1,Example News,2024-05-16,1,Beijing,China,Great Hall of the People,2024-05-16,,Vladimir Putin; Xi Jinping",
            "v-1,Putin's state visit to China,StateVisit,2024-05-16,2024-05-17,China,Vladimir Putin; Xi Jinping,President of Russia; President of China,Report,https://example.org/1,Example News,2024-05-16,2,Harbin,China,,2024-05-17,,Vladimir Putin; Li Qiang",
            "v-2,A call,Call,2024-06-01,,Unknown,Xi Jinping,,Report,https://example.org/2,Example News,unknown,,,,,,,");

        Assert.Equal(2, rows.Count);
        var visit = rows[0];
        Assert.Equal((2, "v-1"), (visit.Row, visit.ExternalKey));
        Assert.Empty(visit.Problems);
        Assert.Equal([("Beijing", "Great Hall of the People"), ("Harbin", (string?)null)], visit.Draft.Legs.Select(l => (l.City, l.Site)));
        Assert.Equal([new DateOnly(2024, 5, 16), new DateOnly(2024, 5, 17)], visit.Draft.Legs.Select(l => l.StartDate!.Value));
        // Li Qiang attended a leg without being listed as a participant: he joins them.
        Assert.Equal(["Vladimir Putin", "Xi Jinping", "Li Qiang"], visit.Draft.Participants.Select(p => p.NewNameEn));
        string Name(string key) => visit.Draft.Participants.Single(p => p.Key == key).NewNameEn!;
        Assert.Equal(["Vladimir Putin", "Li Qiang"], visit.Draft.Legs[1].AttendeeKeys.Select(Name));
        Assert.Equal(("A call", 0), (rows[1].Draft.Title, rows[1].Draft.Legs.Count));
        Assert.Equal(4, rows[1].Row);
    }
}
