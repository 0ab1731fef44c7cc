using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Documents;
using DiplomacyTracker.Data.Participants;
using DiplomacyTracker.Data.Places;
using DiplomacyTracker.Data.Sources;
using DiplomacyTracker.Data.Statements;

namespace DiplomacyTracker.Data.Events.Editing;

/// <summary>
/// The one set of rules for an <see cref="EventDraft"/>. Errors are keyed by field path ("Title", "End",
/// "Legs[1].City"): the Blazor form maps the paths onto its fields, the API returns them as problem details.
/// Checks that need the database (people and topics exist, duplicates) are done by <see cref="EventCommands"/>
/// with the same keys.
/// </summary>
public static class EventDraftValidator
{
    public const int MaxRows = 50;

    /// <summary>Announced this long ago and still only announced: it has probably happened, been put off or dropped.</summary>
    public const int AnnouncedStaleAfterDays = 365;

    /// <summary>The rules for saving <paramref name="draft"/>; <paramref name="saved"/> is the event as saved now when
    /// the draft edits one (null for a new event).</summary>
    /// <remarks>Every new event needs a source. An event saved before that rule without one stays saveable (an old
    /// record does not become uneditable), but one that has a source cannot lose its last one.</remarks>
    public static Dictionary<string, string[]> Validate(EventDraft draft, EventDraft? saved = null)
    {
        var errors = new Errors();
        if (HasEmptyRows(errors, draft))
        {
            // A JSON null in place of a row: nothing else can be checked reliably.
            return errors.ToDictionary();
        }

        Required(errors, "Title", draft.Title, "Title", Event.TitleMaxLength);
        Defined(errors, "Type", draft.Type);
        Defined(errors, "Status", draft.Status);
        Defined(errors, "HostSide", draft.HostSide);
        Defined(errors, "Precision", draft.Precision);

        Optional(errors, "Summary", draft.Summary, "Summary", Event.SummaryMaxLength);
        Optional(errors, "DateNote", draft.DateNote, "Date note", Event.DateNoteMaxLength);

        // Never invent a date: an event whose sources give none is recorded as unknown, with the reason.
        var precision = draft.Precision == DatePrecision.Unknown ? DatePrecision.Day : draft.Precision;
        var start = EventDraft.ToPartial(draft.StartDate, precision);
        var end = EventDraft.ToPartial(draft.EndDate, precision);
        if (draft.Precision == DatePrecision.Unknown)
        {
            if (draft.StartDate is not null)
            {
                errors.Add("StartDate", "Leave the dates empty when the date is unknown, or choose how precise the date is.");
            }

            if (draft.EndDate is not null)
            {
                errors.Add("EndDate", "Leave the dates empty when the date is unknown.");
            }

            if (string.IsNullOrWhiteSpace(draft.DateNote))
            {
                errors.Add("DateNote", "Say why the date is unknown (what the source does and does not give).");
            }

            start = PartialDate.Unknown;
            end = PartialDate.Unknown;
        }
        else if (!start.IsKnown)
        {
            errors.Add("StartDate", "Start date is required (choose \"Unknown\" precision if no source gives one).");
        }
        else if (end.IsKnown && end.Latest < start.Earliest)
        {
            errors.Add("EndDate", "End date cannot be before the start date.");
        }

        if (draft.DatesApproximate && string.IsNullOrWhiteSpace(draft.DateNote))
        {
            errors.Add("DateNote", "Say how the approximate date was worked out.");
        }

        var first = start.Earliest;
        var last = (end.IsKnown && end.Latest >= start.Latest ? end : start).Latest;

        Rows(errors, "Legs", draft.Legs.Count, "leg", atLeastOne: !draft.MentionedOnly);
        var keys = draft.Participants.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < draft.Legs.Count; i++)
        {
            var leg = draft.Legs[i];
            var path = $"Legs[{i}]";
            Required(errors, $"{path}.City", leg.City, "City", EventLeg.PlaceMaxLength);
            Required(errors, $"{path}.Country", leg.Country, "Country", EventLeg.PlaceMaxLength);
            Optional(errors, $"{path}.Site", leg.Site, "Site", EventLeg.SiteMaxLength);
            var legStart = EventDraft.ToPartial(leg.StartDate, precision);
            var legEnd = EventDraft.ToPartial(leg.EndDate, precision);
            if (first is not null && legStart.IsKnown && (legStart.Earliest < first || legStart.Latest > last))
            {
                errors.Add($"{path}.StartDate", "The leg must start within the event's dates.");
            }

            if (first is not null && legEnd.IsKnown && (legEnd.Earliest < first || legEnd.Latest > last))
            {
                errors.Add($"{path}.EndDate", "The leg must end within the event's dates.");
            }
            else if (legStart.IsKnown && legEnd.IsKnown && legEnd.Latest < legStart.Earliest)
            {
                errors.Add($"{path}.EndDate", "The leg cannot end before it starts.");
            }

            if (leg.AttendeeKeys.Any(k => !keys.Contains(k)))
            {
                errors.Add($"{path}.AttendeeKeys", "Attendees must be participants of the event.");
            }

            if (leg.OtherAttendeeIds.Any(id => id <= 0))
            {
                errors.Add($"{path}.OtherAttendeeIds", "Other attendees must be recorded people.");
            }

            Coordinates(errors, path, leg);
        }

        Rows(errors, "Participants", draft.Participants.Count, "participant", atLeastOne: !draft.MentionedOnly);
        var seenPeople = new HashSet<int>();
        var seenNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < draft.Participants.Count; i++)
        {
            var participant = draft.Participants[i];
            var path = $"Participants[{i}]";
            if (string.IsNullOrWhiteSpace(participant.Key))
            {
                errors.Add($"{path}.Key", "Each participant needs a key.");
            }

            if (participant.PersonId is { } personId)
            {
                if (personId <= 0)
                {
                    errors.Add($"{path}.PersonId", "Choose a person, or switch to adding a new person.");
                }
                else if (!seenPeople.Add(personId))
                {
                    errors.Add($"{path}.PersonId", "This person is already listed.");
                }
            }
            else
            {
                Required(errors, $"{path}.NewNameEn", participant.NewNameEn, "Name in English", Person.NameMaxLength);
                Optional(errors, $"{path}.NewNameZh", participant.NewNameZh, "Name in Chinese", Person.NameMaxLength);
                Optional(errors, $"{path}.NewNameRu", participant.NewNameRu, "Name in Russian", Person.NameMaxLength);
                Defined(errors, $"{path}.NewCountry", participant.NewCountry);
                if (!string.IsNullOrWhiteSpace(participant.NewNameEn) && !seenNames.Add(participant.NewNameEn.Trim()))
                {
                    errors.Add($"{path}.NewNameEn", "This person is already listed.");
                }
            }

            Optional(errors, $"{path}.Role", participant.Role, "Role", EventParticipant.RoleMaxLength);
        }

        if (draft.Participants.Select(p => p.Key).Distinct(StringComparer.Ordinal).Count() != draft.Participants.Count)
        {
            errors.Add("Participants", "Participant keys must be unique.");
        }

        var sourceKeys = draft.Sources.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        Rows(errors, "Statements", draft.Statements.Count, "statement", atLeastOne: false);
        for (var i = 0; i < draft.Statements.Count; i++)
        {
            var statement = draft.Statements[i];
            var path = $"Statements[{i}]";
            Required(errors, $"{path}.Text", statement.Text, "Statement text", Statement.TextMaxLength);
            Optional(errors, $"{path}.Attribution", statement.Attribution, "Attribution", Statement.AttributionMaxLength);
            Defined(errors, $"{path}.Kind", statement.Kind);
            if (statement.SpeakerKey is { Length: > 0 } speaker && !keys.Contains(speaker))
            {
                errors.Add($"{path}.SpeakerKey", "The speaker must be one of the participants.");
            }
            else if (statement.SpeakerKey is { Length: > 0 } && statement.SpeakerPersonId is not null)
            {
                errors.Add($"{path}.SpeakerKey", "Choose one speaker: a participant or another recorded person, not both.");
            }
            else if (statement.SpeakerPersonId is <= 0)
            {
                errors.Add($"{path}.SpeakerPersonId", "Choose a recorded person as the speaker.");
            }
            else if (string.IsNullOrWhiteSpace(statement.SpeakerKey) && statement.SpeakerPersonId is null && string.IsNullOrWhiteSpace(statement.Attribution))
            {
                errors.Add($"{path}.SpeakerKey", "Choose a speaker or write who it is attributed to.");
            }

            if (statement.SourceKey is { Length: > 0 } source && !sourceKeys.Contains(source))
            {
                errors.Add($"{path}.SourceKey", "The source must be one of the event's sources.");
            }
        }

        Rows(errors, "Documents", draft.Documents.Count, "document", atLeastOne: false);
        for (var i = 0; i < draft.Documents.Count; i++)
        {
            var document = draft.Documents[i];
            var path = $"Documents[{i}]";
            Required(errors, $"{path}.Title", document.Title, "Document title", SignedDocument.TitleMaxLength);
            Optional(errors, $"{path}.Summary", document.Summary, "Document summary", SignedDocument.SummaryMaxLength);
            Defined(errors, $"{path}.Kind", document.Kind);
            if (document.SourceKey is { Length: > 0 } source && !sourceKeys.Contains(source))
            {
                errors.Add($"{path}.SourceKey", "The source must be one of the event's sources.");
            }
        }

        if (draft.Sources.Count == 0 && (saved is null || saved.Sources.Count > 0))
        {
            errors.Add("Sources", saved is null
                ? "Add at least one source: the article or readout that reports this event."
                : "Keep at least one source: an event that had a source cannot lose its last one.");
        }

        Rows(errors, "Sources", draft.Sources.Count, "source", atLeastOne: false);
        for (var i = 0; i < draft.Sources.Count; i++)
        {
            var source = draft.Sources[i];
            var path = $"Sources[{i}]";
            if (string.IsNullOrWhiteSpace(source.Key))
            {
                errors.Add($"{path}.Key", "Each source needs a key.");
            }

            if (source.SourceId is null)
            {
                Required(errors, $"{path}.Title", source.Title, "Source title", Source.TitleMaxLength);
            }
            else
            {
                // A saved source is linked by its id; its details need not be sent.
                Optional(errors, $"{path}.Title", source.Title, "Source title", Source.TitleMaxLength);
            }

            Optional(errors, $"{path}.Outlet", source.Outlet, "Outlet", Source.OutletMaxLength);
            Optional(errors, $"{path}.Text", source.Text, "Article text", Source.TextMaxLength);
            if (!string.IsNullOrWhiteSpace(source.Url))
            {
                if (source.Url.Length > Source.UrlMaxLength)
                {
                    errors.Add($"{path}.Url", $"URL must be at most {Source.UrlMaxLength} characters.");
                }
                else if (!IsWebAddress(source.Url))
                {
                    errors.Add($"{path}.Url", "Enter a full web address starting with http:// or https://.");
                }
            }
            else if (source.SourceId is null && string.IsNullOrWhiteSpace(source.Text))
            {
                errors.Add($"{path}.Url", "Give the article's URL or paste its text.");
            }

            if (source.SourceId is null)
            {
                // Provenance is complete or says what is missing: a new source names its outlet and date, or the
                // editor states that the article does not give them.
                Stated(errors, $"{path}.Outlet", !string.IsNullOrWhiteSpace(source.Outlet), source.OutletUnknown, "Give the outlet that published it, or tick \"Outlet unknown\".", "outlet");
                Stated(errors, $"{path}.PublishedOn", source.PublishedOn is not null, source.PublishedUnknown, "Give the publication date, or tick \"Publication date unknown\".", "publication date");
            }
        }

        if (draft.Sources.Select(s => s.Key).Distinct(StringComparer.Ordinal).Count() != draft.Sources.Count)
        {
            errors.Add("Sources", "Source keys must be unique.");
        }

        if (draft.TopicSlugs.Count > MaxRows)
        {
            errors.Add("TopicSlugs", $"At most {MaxRows} topics.");
        }

        return errors.ToDictionary();
    }

    private static void Stated(Errors errors, string path, bool given, bool unknown, string missing, string noun)
    {
        if (!given && !unknown)
        {
            errors.Add(path, missing);
        }
        else if (given && unknown)
        {
            errors.Add(path, $"The {noun} is given and also marked unknown: clear one of them.");
        }
    }

    /// <summary>
    /// What is allowed but probably a mistake, keyed by field path like the errors: the editor must confirm it
    /// (<see cref="EventDraft.ConfirmWarnings"/>) before it is saved. Only warned about when the status or dates are
    /// new or changed, so an event confirmed once is not asked about on every later edit.
    /// </summary>
    public static Dictionary<string, string[]> Warnings(EventDraft draft, DateOnly today, EventDraft? saved = null)
    {
        var warnings = new Errors();
        if (saved is not null && saved.Status == draft.Status && saved.Start == draft.Start && saved.End == draft.End)
        {
            return warnings.ToDictionary();
        }

        if (draft.Status == EventStatus.Held && draft.Start.Earliest is { } start && start > today)
        {
            warnings.Add("Status", $"Marked as held, but it starts on {draft.Start}, in the future. Is it only announced?");
        }

        var last = (draft.End.IsKnown ? draft.End : draft.Start).Latest;
        if (draft.Status == EventStatus.Announced && last is { } end && end < today.AddDays(-AnnouncedStaleAfterDays))
        {
            warnings.Add("Status", $"Still marked as announced, but its date ({PartialDate.FormatRange(draft.Start, draft.End)}) is more than a year ago. Was it held, postponed or cancelled?");
        }

        return warnings.ToDictionary();
    }

    // Both or neither: half a point cannot be put on the map.
    private static void Coordinates(Errors errors, string path, LegDraft leg)
    {
        if (leg.Latitude is null && leg.Longitude is null)
        {
            return;
        }

        if (leg.Latitude is not { } latitude)
        {
            errors.Add($"{path}.Latitude", "Give the latitude too, or leave both coordinates empty.");
        }
        else if (!double.IsFinite(latitude) || Math.Abs(latitude) > Place.MaxLatitude)
        {
            errors.Add($"{path}.Latitude", "Latitude must be between −90 (south pole) and 90 (north pole).");
        }

        if (leg.Longitude is not { } longitude)
        {
            errors.Add($"{path}.Longitude", "Give the longitude too, or leave both coordinates empty.");
        }
        else if (!double.IsFinite(longitude) || Math.Abs(longitude) > Place.MaxLongitude)
        {
            errors.Add($"{path}.Longitude", "Longitude must be between −180 (west) and 180 (east).");
        }
    }

    private static bool HasEmptyRows(Errors errors, EventDraft draft)
    {
        void Check<T>(string path, IReadOnlyList<T?> rows)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                if (rows[i] is null)
                {
                    errors.Add($"{path}[{i}]", "This row is empty (null).");
                }
            }
        }

        Check("Legs", draft.Legs);
        Check("Participants", draft.Participants);
        Check("Statements", draft.Statements);
        Check("Documents", draft.Documents);
        Check("Sources", draft.Sources);
        Check("TopicSlugs", draft.TopicSlugs);
        for (var i = 0; i < draft.Legs.Count; i++)
        {
            if (draft.Legs[i] is { } leg)
            {
                Check($"Legs[{i}].AttendeeKeys", leg.AttendeeKeys);
            }
        }

        return errors.Count > 0;
    }

    public static bool IsWebAddress(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Contains('.', StringComparison.Ordinal);

    private static void Required(Errors errors, string path, string? value, string label, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(path, $"{label} is required.");
        }
        else
        {
            Optional(errors, path, value, label, max);
        }
    }

    private static void Optional(Errors errors, string path, string? value, string label, int max)
    {
        if (value is not null && value.Trim().Length > max)
        {
            errors.Add(path, $"{label} must be at most {max} characters (it has {value.Trim().Length}).");
        }
    }

    private static void Defined<TEnum>(Errors errors, string path, TEnum value)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            errors.Add(path, $"'{value}' is not a valid choice.");
        }
    }

    private static void Rows(Errors errors, string path, int count, string noun, bool atLeastOne)
    {
        if (atLeastOne && count == 0)
        {
            errors.Add(path, $"Add at least one {noun}.");
        }
        else if (count > MaxRows)
        {
            errors.Add(path, $"At most {MaxRows} rows.");
        }
    }

    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> byPath = new(StringComparer.Ordinal);

        public int Count => byPath.Count;

        public void Add(string path, string message)
        {
            if (!byPath.TryGetValue(path, out var list))
            {
                byPath[path] = list = [];
            }

            list.Add(message);
        }

        public Dictionary<string, string[]> ToDictionary() => byPath.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }
}
