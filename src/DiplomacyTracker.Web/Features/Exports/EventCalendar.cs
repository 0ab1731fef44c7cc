using System.Globalization;
using System.Text;
using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Events;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Calendar = Ical.Net.Calendar;

namespace DiplomacyTracker.Web.Features.Exports;

/// <summary>
/// The iCalendar export: one all-day VEVENT per dated event. A calendar has no way to say "some day in May 2024", so
/// a date known only to the month (or year) becomes an all-day span over the whole month (or year), and the summary
/// says so; it is never pinned to the 1st. Approximate dates say "c.". Events with no known date cannot be placed at
/// all: they are left out, and the calendar's description says how many.
/// </summary>
internal static class EventCalendar
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task WriteAsync(Stream body, IAsyncEnumerable<EventExportItem> items, string name, int undatedCount, Func<int, string> eventUrl, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(body, Utf8, bufferSize: 16 * 1024, leaveOpen: true);
        var serializer = new CalendarSerializer();

        // Ical.Net serializes a whole calendar at once; to stream, the calendar's own lines are serialized from an
        // empty calendar and each event is serialized on its own between them.
        var envelope = serializer.SerializeToString(Envelope(name, undatedCount)) ?? string.Empty;
        const string end = "END:VCALENDAR";
        var endAt = envelope.LastIndexOf(end, StringComparison.Ordinal);
        await writer.WriteAsync(envelope[..endAt]);
        var written = 0;
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            if (ToCalendarEvent(item, eventUrl(item.Event.Id)) is { } calendarEvent)
            {
                await writer.WriteAsync(serializer.SerializeToString(calendarEvent));
                if (++written % 100 == 1)
                {
                    await writer.FlushAsync(cancellationToken);
                }
            }
        }

        await writer.WriteAsync(envelope[endAt..]);
    }

    private static Calendar Envelope(string name, int undatedCount)
    {
        var calendar = new Calendar { ProductId = "-//DiplomacyTracker//Sino-Russian diplomacy//EN" };
        calendar.AddProperty("X-WR-CALNAME", name);
        var description = "Sino-Russian diplomatic events from DiplomacyTracker. Dates known only to the month or year span the whole month or year, and say so.";
        if (undatedCount > 0)
        {
            description += undatedCount == 1
                ? " 1 matching event has no known date and is left out."
                : string.Create(CultureInfo.InvariantCulture, $" {undatedCount} matching events have no known date and are left out.");
        }

        calendar.AddProperty("X-WR-CALDESC", description);
        return calendar;
    }

    /// <summary>The event as an all-day VEVENT, or null when its date is unknown.</summary>
    internal static CalendarEvent? ToCalendarEvent(EventExportItem item, string url)
    {
        var e = item.Event;
        if (e.Start.Earliest is not { } first || e.Start.Latest is not { } startLast)
        {
            return null;
        }

        // DTEND is exclusive: the day after the last day the event can cover.
        var last = e.End.Latest is { } endLast && endLast >= first ? endLast : startLast;
        var dates = PartialDate.FormatRange(e.Start, e.End);
        var precisionNote = PrecisionNote(e.Start, e.End);
        var approximate = e.Start.IsApproximate || e.End.IsApproximate;
        var cities = e.Legs.Select(l => l.City).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var description = new StringBuilder()
            .Append("Dates: ").Append(dates).Append(precisionNote).Append(approximate ? " (approximate)" : string.Empty).Append('\n');
        if (!string.IsNullOrWhiteSpace(item.DateNote))
        {
            description.Append("About the date: ").Append(item.DateNote).Append('\n');
        }

        if (!string.IsNullOrWhiteSpace(item.Summary))
        {
            description.Append('\n').Append(item.Summary).Append('\n');
        }

        description.Append('\n').Append(url);
        return new CalendarEvent
        {
            Uid = string.Create(CultureInfo.InvariantCulture, $"event-{e.Id}@diplomacytracker"),
            DtStamp = new CalDateTime(DateTime.SpecifyKind(item.UpdatedAt, DateTimeKind.Utc)),
            LastModified = new CalDateTime(DateTime.SpecifyKind(item.UpdatedAt, DateTimeKind.Utc)),
            DtStart = new CalDateTime(first),
            DtEnd = new CalDateTime(last.AddDays(1)),
            // Where the calendar's span is wider or less certain than the record, the title says so where people look.
            Summary = precisionNote.Length == 0 && !approximate ? e.Title : $"{e.Title} ({dates}{precisionNote})",
            Location = string.Join(", ", cities),
            Description = description.ToString(),
            Url = new Uri(url),
        };
    }

    // "c." in the date text already marks an approximate date; this says what a whole-month or whole-year span means.
    private static string PrecisionNote(PartialDate start, PartialDate end) => (start.Precision, end.Precision) switch
    {
        (DatePrecision.Year, _) => ", month and day not known",
        (DatePrecision.Month, _) => ", day not known",
        (_, DatePrecision.Month or DatePrecision.Year) => ", last day not known",
        _ => string.Empty,
    };
}
