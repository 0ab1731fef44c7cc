using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Web.Features.Shared;

namespace DiplomacyTracker.Web.Features.Exports;

/// <summary>
/// The CSV exports: one row per event or one row per leg, in the columns of <see cref="EventCsvMap"/> and
/// <see cref="LegCsvMap"/> (shared with the bulk import, which reads what this writes).
/// </summary>
internal static class EventCsv
{
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
            ExternalKey = item.ExternalKey,
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
            Summary = item.Summary,
            DateNote = item.DateNote,
            Cities = Join(e.Legs.Select(l => l.City).Distinct(StringComparer.OrdinalIgnoreCase)),
            Countries = Join(e.Legs.Select(l => l.Country).Distinct(StringComparer.OrdinalIgnoreCase)),
            Participants = Join(item.ParticipantNames.Select(p => p.English)),
            ParticipantsZh = Join(item.ParticipantNames.Select(p => p.Chinese)),
            ParticipantsRu = Join(item.ParticipantNames.Select(p => p.Russian)),
            ParticipantRoles = Join(e.Participants.Select(p => p.Role)),
            Topics = Join(e.Topics.Select(t => t.Slug)),
            LegCount = e.Legs.Count,
            StatementCount = e.StatementCount,
            SourceCount = e.SourceCount,
            SourceTitles = Join(item.SourceDetails.Select(s => s.Title)),
            SourceUrls = Join(item.SourceDetails.Select(s => s.Url)),
            SourceOutlets = Join(item.SourceDetails.Select(s => string.IsNullOrWhiteSpace(s.Outlet) ? CsvLists.Unknown : s.Outlet)),
            SourcePublished = Join(item.SourceDetails.Select(s => s.PublishedOn.IsKnown ? s.PublishedOn.ToIso() : CsvLists.Unknown)),
            Url = url,
        };
    }

    private static IEnumerable<LegCsvRow> ToLegRows(EventExportItem item, string url)
    {
        var e = item.Event;
        // The event's columns on every leg row: the legs file can be imported on its own.
        LegCsvRow EventColumns() => new()
        {
            EventId = e.Id,
            ExternalKey = item.ExternalKey,
            EventTitle = e.Title,
            EventType = e.Type.ToString(),
            EventStatus = e.Status.ToString(),
            EventStart = e.Start.ToIso(),
            EventEnd = e.End.ToIso(),
            EventPrecision = e.Start.Precision.ToString(),
            HostSide = e.HostSide.ToString(),
            MentionedOnly = e.IsMentionedOnly,
            Summary = item.Summary,
            DateNote = item.DateNote,
            Participants = Join(item.ParticipantNames.Select(p => p.English)),
            ParticipantRoles = Join(e.Participants.Select(p => p.Role)),
            Topics = Join(e.Topics.Select(t => t.Slug)),
            SourceTitles = Join(item.SourceDetails.Select(s => s.Title)),
            SourceUrls = Join(item.SourceDetails.Select(s => s.Url)),
            SourceOutlets = Join(item.SourceDetails.Select(s => string.IsNullOrWhiteSpace(s.Outlet) ? CsvLists.Unknown : s.Outlet)),
            SourcePublished = Join(item.SourceDetails.Select(s => s.PublishedOn.IsKnown ? s.PublishedOn.ToIso() : CsvLists.Unknown)),
            Url = url,
        };

        // An event with no legs recorded still gets a row (with empty leg columns), so no event goes missing.
        if (e.Legs.Count == 0)
        {
            var row = EventColumns();
            row.Dates = PartialDate.Unknown.ToString();
            row.Precision = nameof(DatePrecision.Unknown);
            row.Approximate = e.Start.IsApproximate;
            yield return row;
            yield break;
        }

        foreach (var leg in e.Legs)
        {
            var attendees = item.LegAttendees.FirstOrDefault(l => l.Position == leg.Position)?.Attendees ?? [];
            var row = EventColumns();
            row.Leg = leg.Position + 1;
            row.City = leg.City;
            row.Country = leg.Country;
            row.Site = leg.Site;
            row.Dates = PartialDate.FormatRange(leg.Start, leg.End);
            row.Start = leg.Start.ToIso();
            row.End = leg.End.ToIso();
            row.Precision = leg.Start.Precision.ToString();
            row.Approximate = leg.Start.IsApproximate || leg.End.IsApproximate || e.Start.IsApproximate;
            row.Attendees = Join(attendees.Select(p => p.English));
            row.AttendeesZh = Join(attendees.Select(p => p.Chinese));
            row.AttendeesRu = Join(attendees.Select(p => p.Russian));
            yield return row;
        }
    }

    private static string Join(IEnumerable<string?> values) => CsvLists.Join(values);
}
