using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Web.Features.Shared;

namespace DiplomacyTracker.Web.Features.Exports;

/// <summary>
/// The CSV exports: one row per event or one row per leg. The column names are a contract (documented in the README;
/// a bulk import reads the same columns), so they are spelled out in the maps below and nowhere else.
/// </summary>
internal static class EventCsv
{
    /// <summary>Lists inside one cell (cities, participants, topics) are joined with this.</summary>
    public const string ListSeparator = "; ";

    // UTF-8 with a byte-order mark: without it spreadsheet programs read the file as a legacy code page and
    // mangle Chinese and Russian names.
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public static Task WriteEventsAsync(Stream body, IAsyncEnumerable<EventExportItem> items, Func<int, string> eventUrl, CancellationToken cancellationToken) =>
        WriteAsync<EventCsvRow, EventCsvMap>(body, items, item => [ToEventRow(item, eventUrl(item.Event.Id))], cancellationToken);

    public static Task WriteLegsAsync(Stream body, IAsyncEnumerable<EventExportItem> items, Func<int, string> eventUrl, CancellationToken cancellationToken) =>
        WriteAsync<LegCsvRow, LegCsvMap>(body, items, item => ToLegRows(item, eventUrl(item.Event.Id)), cancellationToken);

    // A cell starting with =, +, - or @ would run as a formula when the file is opened in a spreadsheet (CSV
    // injection: a crafted title could fetch a URL or run a command); CsvHelper escapes such cells with a leading '.
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };

    private static async Task WriteAsync<TRow, TMap>(Stream body, IAsyncEnumerable<EventExportItem> items, Func<EventExportItem, IEnumerable<TRow>> rows, CancellationToken cancellationToken)
        where TMap : ClassMap<TRow>
    {
        await using var writer = new StreamWriter(body, Utf8WithBom, bufferSize: 16 * 1024, leaveOpen: true);
        await using var csv = new CsvWriter(writer, Configuration);
        csv.Context.RegisterClassMap<TMap>();
        csv.WriteHeader<TRow>();
        await csv.NextRecordAsync();
        var written = 0;
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            foreach (var row in rows(item))
            {
                csv.WriteRecord(row);
                await csv.NextRecordAsync();
            }

            // Hand what is written to the response every so often (and with the first event, so a download starts at
            // once) instead of letting the writers' buffers decide.
            if (++written % 100 == 1)
            {
                await csv.FlushAsync();
                await writer.FlushAsync(cancellationToken);
            }
        }
    }

    private static EventCsvRow ToEventRow(EventExportItem item, string url)
    {
        var e = item.Event;
        return new EventCsvRow
        {
            Id = e.Id,
            Title = e.Title,
            Type = e.Type.ToString(),
            TypeText = DisplayText.For(e.Type),
            Status = e.Status.ToString(),
            Dates = PartialDate.FormatRange(e.Start, e.End),
            Start = e.Start.ToIso(),
            End = e.End.ToIso(),
            Precision = e.Start.Precision.ToString(),
            Approximate = e.Start.IsApproximate || e.End.IsApproximate,
            HostSide = e.HostSide.ToString(),
            XiPutinMeeting = e.IsXiPutinMeeting,
            MentionedOnly = e.IsMentionedOnly,
            Cities = Join(e.Legs.Select(l => l.City).Distinct(StringComparer.OrdinalIgnoreCase)),
            Countries = Join(e.Legs.Select(l => l.Country).Distinct(StringComparer.OrdinalIgnoreCase)),
            Participants = Join(item.ParticipantNames.Select(p => p.English)),
            ParticipantsZh = Join(item.ParticipantNames.Select(p => p.Chinese)),
            ParticipantsRu = Join(item.ParticipantNames.Select(p => p.Russian)),
            Topics = Join(e.Topics.Select(t => t.Slug)),
            LegCount = e.Legs.Count,
            StatementCount = e.StatementCount,
            SourceCount = e.SourceCount,
            Url = url,
        };
    }

    private static IEnumerable<LegCsvRow> ToLegRows(EventExportItem item, string url)
    {
        var e = item.Event;
        // An event with no legs recorded still gets a row (with empty leg columns), so no event goes missing.
        if (e.Legs.Count == 0)
        {
            yield return new LegCsvRow { EventId = e.Id, EventTitle = e.Title, EventType = e.Type.ToString(), EventStatus = e.Status.ToString(), Dates = PartialDate.Unknown.ToString(), Precision = nameof(DatePrecision.Unknown), Url = url };
            yield break;
        }

        foreach (var leg in e.Legs)
        {
            var attendees = item.LegAttendees.FirstOrDefault(l => l.Position == leg.Position)?.Attendees ?? [];
            yield return new LegCsvRow
            {
                EventId = e.Id,
                EventTitle = e.Title,
                EventType = e.Type.ToString(),
                EventStatus = e.Status.ToString(),
                Leg = leg.Position + 1,
                City = leg.City,
                Country = leg.Country,
                Site = leg.Site,
                Dates = PartialDate.FormatRange(leg.Start, leg.End),
                Start = leg.Start.ToIso(),
                End = leg.End.ToIso(),
                Precision = leg.Start.Precision.ToString(),
                Approximate = leg.Start.IsApproximate || leg.End.IsApproximate,
                Attendees = Join(attendees.Select(p => p.English)),
                AttendeesZh = Join(attendees.Select(p => p.Chinese)),
                AttendeesRu = Join(attendees.Select(p => p.Russian)),
                Url = url,
            };
        }
    }

    // Missing names stay as empty entries so the Chinese and Russian lists line up with the English one.
    private static string Join(IEnumerable<string?> values) => string.Join(ListSeparator, values.Select(v => v ?? string.Empty));

    internal sealed class EventCsvRow
    {
        public int Id { get; init; }
        public string Title { get; init; } = string.Empty;
        public string Type { get; init; } = string.Empty;
        public string TypeText { get; init; } = string.Empty;
        public string Status { get; init; } = string.Empty;
        public string Dates { get; init; } = string.Empty;
        public string? Start { get; init; }
        public string? End { get; init; }
        public string Precision { get; init; } = string.Empty;
        public bool Approximate { get; init; }
        public string HostSide { get; init; } = string.Empty;
        public bool XiPutinMeeting { get; init; }
        public bool MentionedOnly { get; init; }
        public string Cities { get; init; } = string.Empty;
        public string Countries { get; init; } = string.Empty;
        public string Participants { get; init; } = string.Empty;
        public string ParticipantsZh { get; init; } = string.Empty;
        public string ParticipantsRu { get; init; } = string.Empty;
        public string Topics { get; init; } = string.Empty;
        public int LegCount { get; init; }
        public int StatementCount { get; init; }
        public int SourceCount { get; init; }
        public string Url { get; init; } = string.Empty;
    }

    internal sealed class LegCsvRow
    {
        public int EventId { get; init; }
        public string EventTitle { get; init; } = string.Empty;
        public string EventType { get; init; } = string.Empty;
        public string EventStatus { get; init; } = string.Empty;
        public int? Leg { get; init; }
        public string? City { get; init; }
        public string? Country { get; init; }
        public string? Site { get; init; }
        public string Dates { get; init; } = string.Empty;
        public string? Start { get; init; }
        public string? End { get; init; }
        public string Precision { get; init; } = string.Empty;
        public bool Approximate { get; init; }
        public string Attendees { get; init; } = string.Empty;
        public string AttendeesZh { get; init; } = string.Empty;
        public string AttendeesRu { get; init; } = string.Empty;
        public string Url { get; init; } = string.Empty;
    }

    private sealed class EventCsvMap : ClassMap<EventCsvRow>
    {
        public EventCsvMap()
        {
            Map(r => r.Id).Name("id");
            Map(r => r.Title).Name("title");
            Map(r => r.Type).Name("type");
            Map(r => r.TypeText).Name("type_text");
            Map(r => r.Status).Name("status");
            Map(r => r.Dates).Name("dates");
            Map(r => r.Start).Name("start");
            Map(r => r.End).Name("end");
            Map(r => r.Precision).Name("precision");
            Map(r => r.Approximate).Name("approximate");
            Map(r => r.HostSide).Name("host_side");
            Map(r => r.XiPutinMeeting).Name("xi_putin_meeting");
            Map(r => r.MentionedOnly).Name("mentioned_only");
            Map(r => r.Cities).Name("cities");
            Map(r => r.Countries).Name("countries");
            Map(r => r.Participants).Name("participants");
            Map(r => r.ParticipantsZh).Name("participants_zh");
            Map(r => r.ParticipantsRu).Name("participants_ru");
            Map(r => r.Topics).Name("topics");
            Map(r => r.LegCount).Name("legs");
            Map(r => r.StatementCount).Name("statements");
            Map(r => r.SourceCount).Name("sources");
            Map(r => r.Url).Name("url");
        }
    }

    private sealed class LegCsvMap : ClassMap<LegCsvRow>
    {
        public LegCsvMap()
        {
            Map(r => r.EventId).Name("event_id");
            Map(r => r.EventTitle).Name("event_title");
            Map(r => r.EventType).Name("event_type");
            Map(r => r.EventStatus).Name("event_status");
            Map(r => r.Leg).Name("leg");
            Map(r => r.City).Name("city");
            Map(r => r.Country).Name("country");
            Map(r => r.Site).Name("site");
            Map(r => r.Dates).Name("dates");
            Map(r => r.Start).Name("start");
            Map(r => r.End).Name("end");
            Map(r => r.Precision).Name("precision");
            Map(r => r.Approximate).Name("approximate");
            Map(r => r.Attendees).Name("attendees");
            Map(r => r.AttendeesZh).Name("attendees_zh");
            Map(r => r.AttendeesRu).Name("attendees_ru");
            Map(r => r.Url).Name("url");
        }
    }
}
