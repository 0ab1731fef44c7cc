using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace DiplomacyTracker.Data.Events.Editing;

/// <summary>
/// A draft flattened to readable field → text pairs, for the audit trail and the conflict view: the diff of two
/// snapshots is the list of <see cref="FieldChange"/>s. Person names must be filled in (PersonName) before flattening.
/// </summary>
public static class EventSnapshot
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Dictionary<string, string> Flatten(EventDraft draft)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        Put(fields, "Title", draft.Title);
        Put(fields, "Type", draft.Type.ToString());
        Put(fields, "Status", draft.Status.ToString());
        Put(fields, "Dates", Common.PartialDate.FormatRange(draft.Start, draft.End));
        Put(fields, "Date note", draft.DateNote);
        Put(fields, "Host side", draft.HostSide.ToString());
        Put(fields, "Mentioned in passing", draft.MentionedOnly ? "yes" : "no");
        Put(fields, "Summary", draft.Summary);
        var names = draft.Participants.ToDictionary(p => p.Key, p => p.DisplayName, StringComparer.Ordinal);
        Put(fields, "Participants", string.Join("; ", draft.Participants.Select(Participant).Order(StringComparer.Ordinal)));
        for (var i = 0; i < draft.Legs.Count; i++)
        {
            var leg = draft.Legs[i];
            var dates = Common.PartialDate.FormatRange(
                EventDraft.ToPartial(leg.StartDate, draft.Precision).AsApproximate(draft.DatesApproximate),
                EventDraft.ToPartial(leg.EndDate, draft.Precision).AsApproximate(draft.DatesApproximate));
            var attendees = string.Join(", ", leg.AttendeeKeys.Select(k => names.GetValueOrDefault(k, k))
                .Concat(leg.OtherAttendeeIds.Select(id => string.Create(CultureInfo.InvariantCulture, $"person #{id}")))
                .Order(StringComparer.Ordinal));
            var site = string.IsNullOrWhiteSpace(leg.Site) ? string.Empty : $" ({leg.Site.Trim()})";
            Put(fields, string.Create(CultureInfo.InvariantCulture, $"Leg {i + 1}"), $"{leg.City.Trim()}, {leg.Country.Trim()}{site}; {dates}; {attendees}");
        }

        var sources = draft.Sources.ToDictionary(s => s.Key, s => s.Title, StringComparer.Ordinal);
        string SourceOf(string? key) => key is { Length: > 0 } && sources.TryGetValue(key, out var title) ? $" [source: {title.Trim()}]" : string.Empty;
        for (var i = 0; i < draft.Statements.Count; i++)
        {
            var s = draft.Statements[i];
            var speaker = s.SpeakerKey is { Length: > 0 } key ? names.GetValueOrDefault(key, key)
                : s.SpeakerPersonId is { } personId ? s.SpeakerName ?? string.Create(CultureInfo.InvariantCulture, $"person #{personId}")
                : null;
            var attribution = string.IsNullOrWhiteSpace(s.Attribution) ? null : s.Attribution.Trim();
            var who = (speaker, attribution) switch
            {
                ({ } person, { } body) => $"{person}, attributed to {body}",
                ({ } person, null) => person,
                (null, { } body) => body,
                _ => string.Empty,
            };
            Put(fields, string.Create(CultureInfo.InvariantCulture, $"Statement {i + 1}"), $"{who} ({s.Kind}): {s.Text.Trim()}{SourceOf(s.SourceKey)}");
        }

        for (var i = 0; i < draft.Documents.Count; i++)
        {
            var d = draft.Documents[i];
            var summary = string.IsNullOrWhiteSpace(d.Summary) ? string.Empty : ": " + d.Summary.Trim();
            Put(fields, string.Create(CultureInfo.InvariantCulture, $"Document {i + 1}"), $"{d.Title.Trim()} ({d.Kind}){summary}{SourceOf(d.SourceKey)}");
        }

        for (var i = 0; i < draft.Sources.Count; i++)
        {
            Put(fields, string.Create(CultureInfo.InvariantCulture, $"Source {i + 1}"), Source(draft.Sources[i]));
        }

        Put(fields, "Topics", string.Join(", ", draft.TopicSlugs.Order(StringComparer.Ordinal)));
        return fields;
    }

    private static string Participant(ParticipantDraft p)
    {
        var text = p.DisplayName.Trim();
        if (p.IsNew)
        {
            var otherNames = string.Join(" / ", new[] { p.NewNameZh, p.NewNameRu }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()));
            text += otherNames.Length > 0 ? $" [new person: {otherNames}, {p.NewCountry}]" : $" [new person, {p.NewCountry}]";
        }

        return string.IsNullOrWhiteSpace(p.Role) ? text : $"{text} ({p.Role.Trim()})";
    }

    // Every field of a source: title, URL, outlet, publication date and the pasted text (by length and fingerprint,
    // so a changed article shows as changed without copying it into the trail).
    private static string Source(SourceDraft s)
    {
        var parts = new List<string> { string.IsNullOrWhiteSpace(s.Url) ? s.Title.Trim() : $"{s.Title.Trim()} <{s.Url.Trim()}>" };
        if (!string.IsNullOrWhiteSpace(s.Outlet))
        {
            parts.Add(s.Outlet.Trim());
        }

        if (s.PublishedOn is { } published)
        {
            parts.Add("published " + published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrWhiteSpace(s.Text))
        {
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(s.Text.Trim())))[..8];
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"pasted text of {s.Text.Trim().Length} characters (#{hash})"));
        }

        return string.Join("; ", parts);
    }

    /// <summary>Fields whose text differs, in a stable order (fields of <paramref name="before"/> first).</summary>
    public static List<FieldChange> Diff(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        var changes = new List<FieldChange>();
        foreach (var key in before.Keys.Concat(after.Keys.Where(k => !before.ContainsKey(k))))
        {
            var a = before.GetValueOrDefault(key);
            var b = after.GetValueOrDefault(key);
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(key, a, b));
            }
        }

        return changes;
    }

    public static string ToJson(IReadOnlyList<FieldChange> changes) => JsonSerializer.Serialize(changes, Json);

    public static IReadOnlyList<FieldChange> FromJson(string json) =>
        JsonSerializer.Deserialize<List<FieldChange>>(json, Json) ?? [];

    private static void Put(Dictionary<string, string> fields, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            fields[name] = value.Trim();
        }
    }
}
