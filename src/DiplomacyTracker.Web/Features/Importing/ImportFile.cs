using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.TypeConversion;
using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Events.Editing;
using DiplomacyTracker.Data.Events.Importing;
using DiplomacyTracker.Web.Features.Shared;

namespace DiplomacyTracker.Web.Features.Importing;

/// <summary>What reading an import file gave: its rows, or why it could not be read at all.</summary>
internal abstract record ImportFileReadResult
{
    private ImportFileReadResult()
    {
    }

    public sealed record Rows(IReadOnlyList<ImportRow> Items) : ImportFileReadResult;

    /// <summary>The file as a whole is not a CSV or JSON import (no title column, broken quoting, not JSON).</summary>
    public sealed record Malformed(string Message) : ImportFileReadResult;
}

/// <summary>
/// Reads an import file: CSV in the columns of the events export (<see cref="EventCsvMap"/>, read by CsvHelper), or
/// JSON, an array of the write API's event bodies each with an optional "externalKey". Each row becomes an
/// <see cref="EventDraft"/>; people are named (any of their names or the slug) and resolved by the import itself.
/// </summary>
internal static class ImportFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static bool IsJson(string? fileName, string? contentType) =>
        (contentType?.Contains("json", StringComparison.OrdinalIgnoreCase) ?? false)
        || (fileName?.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ?? false);

    public static async Task<ImportFileReadResult> ReadAsync(Stream stream, string? fileName, string? contentType, CancellationToken cancellationToken = default) =>
        IsJson(fileName, contentType) ? await ReadJsonAsync(stream, cancellationToken) : await ReadCsvAsync(stream, cancellationToken);

    private static async Task<ImportFileReadResult> ReadJsonAsync(Stream stream, CancellationToken cancellationToken)
    {
        JsonElement root;
        try
        {
            root = await JsonSerializer.DeserializeAsync<JsonElement>(stream, Json, cancellationToken);
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? $" (line {line + 1})" : string.Empty;
            return new ImportFileReadResult.Malformed($"The file is not valid JSON{where}: {FirstLine(exception.Message)}");
        }

        if (root.ValueKind != JsonValueKind.Array)
        {
            return new ImportFileReadResult.Malformed("The file must be a JSON array of events (the write API's body, with an optional \"externalKey\").");
        }

        var count = root.GetArrayLength();
        if (count > EventImports.MaxRows)
        {
            return TooMany(count);
        }

        // Item by item, so one bad item is a refused row rather than a refused file.
        var rows = new List<ImportRow>(count);
        var number = 0;
        foreach (var item in root.EnumerateArray())
        {
            number++;
            if (item.ValueKind != JsonValueKind.Object)
            {
                rows.Add(new ImportRow(number, null, new EventDraft(), [new("event", "The item is not an event (a JSON object).")]));
                continue;
            }

            var key = item.TryGetProperty("externalKey", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
            try
            {
                rows.Add(new ImportRow(number, key, item.Deserialize<EventDraft>(Json) ?? new EventDraft()));
            }
            catch (JsonException exception)
            {
                var title = item.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() ?? string.Empty : string.Empty;
                rows.Add(new ImportRow(number, key, new EventDraft { Title = title }, [new(exception.Path?.TrimStart('$', '.') is { Length: > 0 } path ? path : "event", FirstLine(exception.Message))]));
            }
        }

        return new ImportFileReadResult.Rows(rows);
    }

    private static async Task<ImportFileReadResult> ReadCsvAsync(Stream stream, CancellationToken cancellationToken)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            // Column names as the export writes them; a spreadsheet may add spaces or capitals.
            PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
            DetectDelimiter = true,
            MissingFieldFound = null,
        };
        using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, configuration);
        csv.Context.RegisterClassMap<EventCsvMap>();
        var rows = new List<ImportRow>();
        try
        {
            if (!await csv.ReadAsync())
            {
                return new ImportFileReadResult.Malformed("The file is empty: it needs a header row (the export's column names) and a row per event.");
            }

            csv.ReadHeader();
            if (IsLegsFile(csv.HeaderRecord))
            {
                return await ReadLegsAsync(csv, cancellationToken);
            }

            csv.ValidateHeader<EventCsvRow>();
            while (await csv.ReadAsync())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var number = csv.Parser.Row;
                if (rows.Count == EventImports.MaxRows)
                {
                    return TooMany(rows.Count + 1);
                }

                try
                {
                    rows.Add(FromCsv(number, csv.GetRecord<EventCsvRow>()));
                }
                catch (TypeConverterException exception)
                {
                    rows.Add(new ImportRow(number, null, new EventDraft { Title = csv.GetField("title") ?? string.Empty }, [Unconvertible(exception)]));
                }
            }
        }
        catch (HeaderValidationException exception)
        {
            var missing = exception.InvalidHeaders.SelectMany(h => h.Names).Distinct();
            return new ImportFileReadResult.Malformed($"The file has no {string.Join(", ", missing)} column. The first row must name the columns, as the CSV export writes them.");
        }
        catch (Exception exception) when (exception is BadDataException or CsvHelperException)
        {
            return new ImportFileReadResult.Malformed($"The file is not readable CSV near row {csv.Parser.Row}: {FirstLine(exception.Message)}");
        }

        return new ImportFileReadResult.Rows(rows);
    }

    // The legs export names the event's title "event_title" (and has no "title").
    private static bool IsLegsFile(string[]? header) =>
        header is not null && header.Any(h => h.Trim().Equals("event_title", StringComparison.OrdinalIgnoreCase))
        && !header.Any(h => h.Trim().Equals("title", StringComparison.OrdinalIgnoreCase));

    private static ImportProblem Unconvertible(TypeConverterException exception)
    {
        var column = exception.MemberMapData?.Names.FirstOrDefault() ?? "?";
        return new(column, $"\"{exception.Text}\" is not a valid {column} (True or False, or a whole number).");
    }

    // Rows of one event follow each other and share its external key (or its event_id, or its title and start).
    private static async Task<ImportFileReadResult> ReadLegsAsync(CsvReader csv, CancellationToken cancellationToken)
    {
        csv.Context.RegisterClassMap<LegCsvMap>();
        csv.ValidateHeader<LegCsvRow>();
        var events = new List<ImportRow>();
        var group = new List<(int Number, LegCsvRow Row)>();
        string? groupKey = null;
        while (await csv.ReadAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var number = csv.Parser.Row;
            LegCsvRow row;
            try
            {
                row = csv.GetRecord<LegCsvRow>();
            }
            catch (TypeConverterException exception)
            {
                events.Add(new ImportRow(number, null, new EventDraft { Title = csv.GetField("event_title") ?? string.Empty }, [Unconvertible(exception)]));
                continue;
            }

            var key = Clean(row.ExternalKey) ?? row.EventId?.ToString(CultureInfo.InvariantCulture) ?? $"{row.EventTitle.Trim()}|{row.EventStart}";
            if (group.Count > 0 && key != groupKey)
            {
                events.Add(FromLegs(group));
                group = [];
            }

            groupKey = key;
            group.Add((number, row));
            if (events.Count == EventImports.MaxRows)
            {
                return TooMany(events.Count + 1);
            }
        }

        if (group.Count > 0)
        {
            events.Add(FromLegs(group));
        }

        return new ImportFileReadResult.Rows(events);
    }

    /// <summary>The rows of one event in the legs export as one draft: the event's columns from its first row, a leg
    /// per row with a city, attendees by name (a name not among the participants joins them).</summary>
    public static ImportRow FromLegs(IReadOnlyList<(int Number, LegCsvRow Row)> rows)
    {
        var (number, first) = rows[0];
        var eventRow = FromCsv(number, new EventCsvRow
        {
            ExternalKey = first.ExternalKey,
            Title = first.EventTitle,
            Type = first.EventType,
            Status = first.EventStatus,
            Start = first.EventStart,
            End = first.EventEnd,
            Precision = first.EventPrecision,
            Approximate = rows.Any(r => r.Row.Approximate),
            HostSide = first.HostSide,
            MentionedOnly = first.MentionedOnly,
            Summary = first.Summary,
            DateNote = first.DateNote,
            Participants = first.Participants,
            ParticipantRoles = first.ParticipantRoles,
            Topics = first.Topics,
            SourceTitles = first.SourceTitles,
            SourceUrls = first.SourceUrls,
            SourceOutlets = first.SourceOutlets,
            SourcePublished = first.SourcePublished,
        });
        var problems = eventRow.Problems.ToList();
        var draft = eventRow.Draft;
        draft.Legs = [];
        foreach (var (legNumber, row) in rows.Where(r => !string.IsNullOrWhiteSpace(r.Row.City)))
        {
            var start = ParseDate(row.Start, $"start (row {legNumber})", problems);
            var end = ParseDate(row.End, $"end (row {legNumber})", problems);
            var leg = new LegDraft
            {
                City = row.City!.Trim(),
                Country = row.Country?.Trim() ?? string.Empty,
                Site = Clean(row.Site),
                StartDate = start.Earliest,
                EndDate = end.IsKnown && end != start ? end.Earliest : null,
            };
            foreach (var name in CsvLists.Split(row.Attendees).Where(n => n.Length > 0))
            {
                var participant = draft.Participants.FirstOrDefault(p => string.Equals(p.NewNameEn, name, StringComparison.OrdinalIgnoreCase));
                if (participant is null)
                {
                    participant = new ParticipantDraft { Key = $"p{draft.Participants.Count}", PersonId = null, NewNameEn = name };
                    draft.Participants.Add(participant);
                }

                leg.AttendeeKeys.Add(participant.Key);
            }

            draft.Legs.Add(leg);
        }

        return new ImportRow(number, eventRow.ExternalKey, draft, problems);
    }

    private static ImportFileReadResult.Malformed TooMany(int count) =>
        new($"The file has {count:N0} or more rows; an import takes at most {EventImports.MaxRows:N0}. Split it into smaller files.");

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    /// <summary>One events-export row as a draft: legs from the cities (paired with the countries), every participant
    /// attending every leg, sources from the source_* lists.</summary>
    public static ImportRow FromCsv(int number, EventCsvRow row)
    {
        var problems = new List<ImportProblem>();
        var draft = new EventDraft
        {
            Title = CsvLists.Unescape(row.Title?.Trim()) ?? string.Empty,
            Type = ParseEnum(row.Type, "type", EventType.OfficialVisit, problems),
            Status = ParseEnum(row.Status, "status", EventStatus.Held, problems),
            HostSide = ParseEnum(row.HostSide, "host_side", Side.Unknown, problems),
            MentionedOnly = row.MentionedOnly,
            Summary = Clean(row.Summary),
            DateNote = Clean(row.DateNote),
        };

        var start = ParseDate(row.Start, "start", problems);
        var end = ParseDate(row.End, "end", problems);
        draft.Precision = string.IsNullOrWhiteSpace(row.Precision) ? start.Precision : ParseEnum(row.Precision, "precision", start.Precision, problems);
        draft.StartDate = EventDraft.FromPartial(start);
        draft.EndDate = end.IsKnown && end != start ? EventDraft.FromPartial(end) : null;
        draft.DatesApproximate = row.Approximate || start.IsApproximate || end.IsApproximate;

        var names = CsvLists.Split(row.Participants);
        var roles = CsvLists.Split(row.ParticipantRoles);
        var zh = CsvLists.Split(row.ParticipantsZh);
        var ru = CsvLists.Split(row.ParticipantsRu);
        for (var i = 0; i < names.Length; i++)
        {
            // The English name is the one to find the person by; with it empty, the Chinese or Russian one.
            var name = new[] { names[i], At(zh, i), At(ru, i) }.FirstOrDefault(n => !string.IsNullOrWhiteSpace(n));
            if (name is null)
            {
                problems.Add(new("participants", $"Participant {i + 1} has no name."));
                continue;
            }

            draft.Participants.Add(new ParticipantDraft { Key = $"p{i}", PersonId = null, NewNameEn = name, Role = Clean(At(roles, i)) });
        }

        var cities = CsvLists.Split(row.Cities).Where(c => c.Length > 0).ToArray();
        var countries = CsvLists.Split(row.Countries).Where(c => c.Length > 0).ToArray();
        if (cities.Length > 0 && countries.Length != cities.Length && countries.Length != 1)
        {
            problems.Add(new("countries", $"Give one country for every city ({cities.Length}), or one country for all of them."));
        }
        else
        {
            draft.Legs = cities.Select((city, i) => new LegDraft
            {
                City = city,
                Country = countries.Length == 0 ? string.Empty : countries[Math.Min(i, countries.Length - 1)],
                AttendeeKeys = draft.Participants.Select(p => p.Key).ToList(),
            }).ToList();
        }

        draft.TopicSlugs = CsvLists.Split(row.Topics).Where(t => t.Length > 0).ToList();

        var titles = CsvLists.Split(row.SourceTitles);
        var urls = CsvLists.Split(row.SourceUrls);
        var outlets = CsvLists.Split(row.SourceOutlets);
        var published = CsvLists.Split(row.SourcePublished);
        var sourceCount = new[] { titles.Length, urls.Length, outlets.Length, published.Length }.Max();
        for (var i = 0; i < sourceCount; i++)
        {
            var source = new SourceDraft
            {
                Key = $"s{i}",
                Title = At(titles, i) ?? string.Empty,
                Url = Clean(At(urls, i)),
            };
            // "unknown" says so explicitly (what the editor's "Outlet unknown" / "Publication date unknown" boxes say);
            // an empty cell is a missing value, which the rules refuse for a new source.
            var outlet = Clean(At(outlets, i));
            if (string.Equals(outlet, CsvLists.Unknown, StringComparison.OrdinalIgnoreCase))
            {
                source.OutletUnknown = true;
            }
            else
            {
                source.Outlet = outlet;
            }

            var date = At(published, i);
            if (string.Equals(date, CsvLists.Unknown, StringComparison.OrdinalIgnoreCase))
            {
                source.PublishedUnknown = true;
            }
            else if (!string.IsNullOrWhiteSpace(date))
            {
                // Stored to the day (what a source's publication date is in the editor too).
                source.PublishedOn = PartialDate.TryParse(date, out var parsed) && parsed.Precision == DatePrecision.Day
                    ? parsed.Earliest
                    : Problem<DateOnly?>(problems, "source_published", $"Source {i + 1}: \"{date}\" is not a date (yyyy-mm-dd) or \"{CsvLists.Unknown}\".");
            }

            draft.Sources.Add(source);
        }

        return new ImportRow(number, Clean(row.ExternalKey), draft, problems);
    }

    private static PartialDate ParseDate(string? text, string column, List<ImportProblem> problems) =>
        PartialDate.TryParse(text?.Trim(), out var date)
            ? date
            : Problem<PartialDate>(problems, column, $"\"{text}\" is not a date: use yyyy-mm-dd, yyyy-mm or yyyy (leave it empty when unknown).");

    private static T ParseEnum<T>(string? text, string column, T fallback, List<ImportProblem> problems)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _)
            ? value
            : Problem(problems, column, $"\"{text}\" is not one of: {string.Join(", ", Enum.GetNames<T>())}.", fallback);
    }

    private static T Problem<T>(List<ImportProblem> problems, string field, string message, T fallback = default!)
    {
        problems.Add(new(field, message));
        return fallback;
    }

    private static string? At(string[] values, int index) => index < values.Length ? values[index] : null;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : CsvLists.Unescape(text.Trim());
}
