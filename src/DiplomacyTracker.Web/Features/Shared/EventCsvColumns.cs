using CsvHelper.Configuration;

namespace DiplomacyTracker.Web.Features.Shared;

// The CSV columns of the exports and of the bulk import: the names are a contract (documented in the README), spelled
// out in the maps below and nowhere else, so what the export writes is what the import reads. Columns only the export
// fills (id, type_text, dates, counts, url) are optional on reading; a file needs only title, type and its dates.

/// <summary>One row per event.</summary>
internal sealed class EventCsvRow
{
    public int? Id { get; set; }
    public string? ExternalKey { get; set; }
    public string Title { get; set; } = string.Empty;
    public string? Type { get; set; }
    public string? TypeText { get; set; }
    public string? Status { get; set; }
    public string? Dates { get; set; }
    public string? Start { get; set; }
    public string? End { get; set; }
    public string? Precision { get; set; }
    public bool Approximate { get; set; }
    public string? HostSide { get; set; }
    public bool XiPutinMeeting { get; set; }
    public bool MentionedOnly { get; set; }
    public string? Summary { get; set; }
    public string? DateNote { get; set; }
    public string? Cities { get; set; }
    public string? Countries { get; set; }
    public string? Participants { get; set; }
    public string? ParticipantsZh { get; set; }
    public string? ParticipantsRu { get; set; }
    public string? ParticipantRoles { get; set; }
    public string? Topics { get; set; }
    public int? LegCount { get; set; }
    public int? StatementCount { get; set; }
    public int? SourceCount { get; set; }
    public string? SourceTitles { get; set; }
    public string? SourceUrls { get; set; }
    public string? SourceOutlets { get; set; }
    public string? SourcePublished { get; set; }
    public string? Url { get; set; }
}

/// <summary>One row per leg (an event with no legs gets one row with the leg columns empty); the event's own columns
/// are repeated on each of its legs, so the file can be imported on its own.</summary>
internal sealed class LegCsvRow
{
    public int? EventId { get; set; }
    public string? ExternalKey { get; set; }
    public string EventTitle { get; set; } = string.Empty;
    public string? EventType { get; set; }
    public string? EventStatus { get; set; }
    public string? EventStart { get; set; }
    public string? EventEnd { get; set; }
    public string? EventPrecision { get; set; }
    public string? HostSide { get; set; }
    public bool MentionedOnly { get; set; }
    public string? Summary { get; set; }
    public string? DateNote { get; set; }
    public string? Participants { get; set; }
    public string? ParticipantRoles { get; set; }
    public string? Topics { get; set; }
    public string? SourceTitles { get; set; }
    public string? SourceUrls { get; set; }
    public string? SourceOutlets { get; set; }
    public string? SourcePublished { get; set; }
    public int? Leg { get; set; }
    public string? City { get; set; }
    public string? Country { get; set; }
    public string? Site { get; set; }
    public string? Dates { get; set; }
    public string? Start { get; set; }
    public string? End { get; set; }
    public string? Precision { get; set; }
    public bool Approximate { get; set; }
    public string? Attendees { get; set; }
    public string? AttendeesZh { get; set; }
    public string? AttendeesRu { get; set; }
    public string? Url { get; set; }
}

internal sealed class EventCsvMap : ClassMap<EventCsvRow>
{
    public EventCsvMap()
    {
        Map(r => r.Id).Name("id").Optional();
        Map(r => r.ExternalKey).Name("external_key").Optional();
        Map(r => r.Title).Name("title");
        Map(r => r.Type).Name("type").Optional();
        Map(r => r.TypeText).Name("type_text").Optional();
        Map(r => r.Status).Name("status").Optional();
        Map(r => r.Dates).Name("dates").Optional();
        Map(r => r.Start).Name("start").Optional();
        Map(r => r.End).Name("end").Optional();
        Map(r => r.Precision).Name("precision").Optional();
        Map(r => r.Approximate).Name("approximate").Optional().Default(false);
        Map(r => r.HostSide).Name("host_side").Optional();
        Map(r => r.XiPutinMeeting).Name("xi_putin_meeting").Optional().Default(false);
        Map(r => r.MentionedOnly).Name("mentioned_only").Optional().Default(false);
        Map(r => r.Summary).Name("summary").Optional();
        Map(r => r.DateNote).Name("date_note").Optional();
        Map(r => r.Cities).Name("cities").Optional();
        Map(r => r.Countries).Name("countries").Optional();
        Map(r => r.Participants).Name("participants").Optional();
        Map(r => r.ParticipantsZh).Name("participants_zh").Optional();
        Map(r => r.ParticipantsRu).Name("participants_ru").Optional();
        Map(r => r.ParticipantRoles).Name("participant_roles").Optional();
        Map(r => r.Topics).Name("topics").Optional();
        Map(r => r.LegCount).Name("legs").Optional();
        Map(r => r.StatementCount).Name("statements").Optional();
        Map(r => r.SourceCount).Name("sources").Optional();
        Map(r => r.SourceTitles).Name("source_titles").Optional();
        Map(r => r.SourceUrls).Name("source_urls").Optional();
        Map(r => r.SourceOutlets).Name("source_outlets").Optional();
        Map(r => r.SourcePublished).Name("source_published").Optional();
        Map(r => r.Url).Name("url").Optional();
    }
}

internal sealed class LegCsvMap : ClassMap<LegCsvRow>
{
    public LegCsvMap()
    {
        Map(r => r.EventId).Name("event_id").Optional();
        Map(r => r.ExternalKey).Name("external_key").Optional();
        Map(r => r.EventTitle).Name("event_title");
        Map(r => r.EventType).Name("event_type").Optional();
        Map(r => r.EventStatus).Name("event_status").Optional();
        Map(r => r.EventStart).Name("event_start").Optional();
        Map(r => r.EventEnd).Name("event_end").Optional();
        Map(r => r.EventPrecision).Name("event_precision").Optional();
        Map(r => r.HostSide).Name("host_side").Optional();
        Map(r => r.MentionedOnly).Name("mentioned_only").Optional().Default(false);
        Map(r => r.Summary).Name("summary").Optional();
        Map(r => r.DateNote).Name("date_note").Optional();
        Map(r => r.Participants).Name("participants").Optional();
        Map(r => r.ParticipantRoles).Name("participant_roles").Optional();
        Map(r => r.Topics).Name("topics").Optional();
        Map(r => r.SourceTitles).Name("source_titles").Optional();
        Map(r => r.SourceUrls).Name("source_urls").Optional();
        Map(r => r.SourceOutlets).Name("source_outlets").Optional();
        Map(r => r.SourcePublished).Name("source_published").Optional();
        Map(r => r.Leg).Name("leg").Optional();
        Map(r => r.City).Name("city").Optional();
        Map(r => r.Country).Name("country").Optional();
        Map(r => r.Site).Name("site").Optional();
        Map(r => r.Dates).Name("dates").Optional();
        Map(r => r.Start).Name("start").Optional();
        Map(r => r.End).Name("end").Optional();
        Map(r => r.Precision).Name("precision").Optional();
        Map(r => r.Approximate).Name("approximate").Optional().Default(false);
        Map(r => r.Attendees).Name("attendees").Optional();
        Map(r => r.AttendeesZh).Name("attendees_zh").Optional();
        Map(r => r.AttendeesRu).Name("attendees_ru").Optional();
        Map(r => r.Url).Name("url").Optional();
    }
}

/// <summary>How lists inside one cell are written and read.</summary>
internal static class CsvLists
{
    /// <summary>Lists inside one cell (cities, participants, topics) are joined with this.</summary>
    public const string Separator = "; ";

    /// <summary>The word a source_outlets or source_published entry uses for an outlet or date the article does not give.</summary>
    public const string Unknown = "unknown";

    // Missing names stay as empty entries so the Chinese and Russian lists line up with the English one.
    public static string Join(IEnumerable<string?> values) => string.Join(Separator, values.Select(v => v ?? string.Empty));

    /// <summary>The entries of a list cell, trimmed; empty entries kept (they line lists up). An empty cell is no entries.</summary>
    public static string[] Split(string? cell) => string.IsNullOrWhiteSpace(cell) ? [] : Unescape(cell)!.Split(';').Select(v => v.Trim()).ToArray();

    /// <summary>A cell as it was before the export escaped it against formula injection (the leading ' CsvHelper adds
    /// before =, +, -, @, tab or carriage return), so an exported file imports back unchanged.</summary>
    public static string? Unescape(string? cell) =>
        cell is ['\'', '=' or '+' or '-' or '@' or '\t' or '\r', ..] ? cell[1..] : cell;
}
