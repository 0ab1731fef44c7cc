using DiplomacyTracker.Data.Auditing;
using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Events.Editing;
using DiplomacyTracker.Data.Places;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DiplomacyTracker.Data.Events.Importing;

/// <summary>
/// Bulk import of events: a dry run that says what each row would do, an apply that creates every accepted row in one
/// transaction under one <see cref="Import"/> id, and an undo of the whole import. Lookups are batched over the file
/// (people, topics, keys, titles: one query each), never one query per row; rows are written in batches with one
/// SaveChanges each, all in the one transaction.
/// </summary>
public sealed class EventImports(
    IDbContextFactory<DiplomacyDbContext> contextFactory,
    EventCommands commands,
    Gazetteer gazetteer,
    ILogger<EventImports> logger)
{
    /// <summary>The most rows one file may hold.</summary>
    public const int MaxRows = 20_000;

    private const int WriteBatchSize = 500;

    // A saved event starting this long before a row, or this long after it, is close enough to be asked about; the
    // duplicate check itself decides (multi-week visits start well before a row's date).
    private const int DaysBefore = 31;
    private const int DaysAfter = 7;

    public async Task<ImportPreview> DryRunAsync(IReadOnlyList<ImportRow> rows, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await AnalyseAsync(db, rows, progress, cancellationToken);
    }

    public async Task<ImportCommandResult> ApplyAsync(IReadOnlyList<ImportRow> rows, string fileName, string userName, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await ApplyCoreAsync(rows, fileName, userName, progress, cancellationToken);
        }
        catch (Exception exception) when (EventCommands.StorageFailure(exception) is { } diskFull)
        {
            logger.LogError(exception, "Import of {FileName} ({Rows} rows) by {User} failed: {Problem}; nothing was saved", fileName, rows.Count, userName, diskFull ? "the disk is full" : "the database could not be written");
            return new ImportCommandResult.StorageFailed(diskFull);
        }
    }

    private async Task<ImportCommandResult> ApplyCoreAsync(IReadOnlyList<ImportRow> rows, string fileName, string userName, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // SQLite starts it with BEGIN IMMEDIATE: other writes wait until this import commits, so nothing written
        // between the check below and the writes can make a row a duplicate (or take its external key).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Checked again inside the transaction: what was true at the dry run may not be now.
        var preview = await AnalyseAsync(db, rows, progress is null ? null : new FirstHalf(progress), cancellationToken);
        var accepted = rows.Zip(preview.Rows).Where(x => x.Second.Outcome is ImportRowOutcome.WouldCreate).Select(x => x.First).ToList();
        if (accepted.Count == 0)
        {
            return new ImportCommandResult.NothingToImport(preview);
        }

        var import = new Import
        {
            UserName = userName,
            At = db.Clock.GetUtcNow().UtcDateTime,
            FileName = TrimFileName(fileName),
            RowCount = rows.Count,
            CreatedCount = accepted.Count,
            SkippedCount = rows.Count - accepted.Count,
        };
        db.Imports.Add(import);
        await db.SaveChangesAsync(cancellationToken);

        // Every entity is complete when it is added (the draft is applied to a new event first), so scanning the
        // whole change tracker again on each SaveChanges would only cost time.
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var done = 0;
        foreach (var batch in accepted.Chunk(WriteBatchSize))
        {
            await WriteBatchAsync(db, batch, import.Id, userName, cancellationToken);
            done += batch.Length;
            progress?.Report(0.5 + (0.5 * done / accepted.Count));
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Import {ImportId} of {FileName} by {User}: {Created} events created, {Skipped} rows skipped", import.Id, import.FileName, userName, import.CreatedCount, import.SkippedCount);
        return new ImportCommandResult.Applied(import.Id, import.CreatedCount, import.SkippedCount, preview);
    }

    private static async Task WriteBatchAsync(DiplomacyDbContext db, ImportRow[] batch, int importId, string userName, CancellationToken cancellationToken)
    {
        // The people, sources and topics this batch links, loaded (tracked) once for the batch.
        var personIds = batch.SelectMany(r => r.Draft.Participants.Select(p => p.PersonId!.Value)
            .Concat(r.Draft.Statements.Where(s => s.SpeakerPersonId > 0).Select(s => s.SpeakerPersonId!.Value))
            .Concat(r.Draft.Legs.SelectMany(l => l.OtherAttendeeIds))).Distinct().ToList();
        var people = await db.People.Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var sourceIds = batch.SelectMany(r => r.Draft.Sources.Where(s => s.SourceId is not null).Select(s => s.SourceId!.Value)).Distinct().ToList();
        var sources = await db.Sources.Where(s => sourceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var slugs = batch.SelectMany(r => r.Draft.TopicSlugs).Distinct(StringComparer.Ordinal).ToList();
        var topics = await db.Topics.Where(t => slugs.Contains(t.Slug)).ToDictionaryAsync(t => t.Slug, StringComparer.Ordinal, cancellationToken);

        var created = new List<(Event Entity, EventDraft Draft)>(batch.Length);
        foreach (var row in batch)
        {
            var references = new EventCommands.References(
                [],
                people,
                sources,
                row.Draft.TopicSlugs.Distinct(StringComparer.Ordinal).Select(s => topics[s]).ToList(),
                []);
            var entity = new Event { ExternalKey = Clean(row.ExternalKey), ImportId = importId };
            EventCommands.Apply(db, entity, row.Draft, references);
            db.Events.Add(entity);
            created.Add((entity, row.Draft));
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (entity, draft) in created)
        {
            var audit = EventCommands.Audit(db, entity.Id, AuditAction.Created, userName, EventSnapshot.Diff(new Dictionary<string, string>(), EventSnapshot.Flatten(draft)));
            audit.ImportId = importId;
            db.AuditEntries.Add(audit);
        }
        await db.SaveChangesAsync(cancellationToken);

        // Keeps the change tracker (and each later SaveChanges) small however long the file is.
        db.ChangeTracker.Clear();
    }

    public async Task<UndoImportResult> UndoAsync(int importId, string userName, CancellationToken cancellationToken = default)
    {
        try
        {
            return await UndoCoreAsync(importId, userName, cancellationToken);
        }
        catch (Exception exception) when (EventCommands.StorageFailure(exception) is { } diskFull)
        {
            logger.LogError(exception, "Undo of import {ImportId} by {User} failed: {Problem}; nothing was changed", importId, userName, diskFull ? "the disk is full" : "the database could not be written");
            return new UndoImportResult.StorageFailed(diskFull);
        }
    }

    private async Task<UndoImportResult> UndoCoreAsync(int importId, string userName, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var import = await db.Imports.SingleOrDefaultAsync(i => i.Id == importId, cancellationToken);
        if (import is null)
        {
            return new UndoImportResult.NotFound(importId);
        }

        if (import.UndoneAt is { } undoneAt)
        {
            return new UndoImportResult.AlreadyUndone(importId, undoneAt, import.UndoneBy ?? "(unknown)");
        }

        // Refused rather than skipping: deleting an event someone has since corrected would throw their work away,
        // and leaving it would make "undo" only half an undo. The editor decides about those events first.
        var edited = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditAction.Updated && db.Events.IgnoreQueryFilters().Any(e => e.Id == a.EventId && e.ImportId == importId))
            .Select(a => a.EventId).Distinct().OrderBy(id => id)
            .ToListAsync(cancellationToken);
        if (edited.Count > 0)
        {
            logger.LogWarning("Undo of import {ImportId} by {User} refused: {Count} of its events were edited since", importId, userName, edited.Count);
            return new UndoImportResult.EditedSince(importId, edited);
        }

        // Events deleted one by one since the import stay as they are (deleted, with their own audit entry).
        var ids = await db.Events.Where(e => e.ImportId == importId).Select(e => e.Id).ToListAsync(cancellationToken);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var version = Guid.NewGuid();
        await db.Events.Where(e => e.ImportId == importId).ExecuteUpdateAsync(
            set => set
                .SetProperty(e => e.IsDeleted, true)
                .SetProperty(e => e.DeletedAt, now)
                .SetProperty(e => e.DeletedBy, userName)
                .SetProperty(e => e.UpdatedAt, now)
                // A new version, so an editor who had one of these events open gets a conflict rather than saving over it.
                .SetProperty(e => e.Version, version),
            cancellationToken);
        FieldChange[] deleted = [new("Deleted", "no", "yes")];
        foreach (var id in ids)
        {
            var audit = EventCommands.Audit(db, id, AuditAction.Deleted, userName, deleted);
            audit.ImportId = importId;
            db.AuditEntries.Add(audit);
        }

        import.UndoneAt = now;
        import.UndoneBy = userName;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Import {ImportId} undone by {User}: {Count} events deleted", importId, userName, ids.Count);
        return new UndoImportResult.Undone(importId, ids.Count);
    }

    public async Task<ImportSummary?> GetAsync(int importId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var import = await db.Imports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == importId, cancellationToken);
        if (import is null)
        {
            return null;
        }

        var ids = await db.Events.IgnoreQueryFilters().AsNoTracking().Where(e => e.ImportId == importId).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(cancellationToken);
        return ToSummary(import, ids);
    }

    public async Task<IReadOnlyList<ImportSummary>> ListRecentAsync(int take = 20, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var imports = await db.Imports.AsNoTracking().OrderByDescending(i => i.At).ThenByDescending(i => i.Id).Take(take).ToListAsync(cancellationToken);
        return imports.ConvertAll(i => ToSummary(i, []));
    }

    private static ImportSummary ToSummary(Import i, IReadOnlyList<int> eventIds) =>
        new(i.Id, i.FileName, i.UserName, i.At, i.RowCount, i.CreatedCount, i.SkippedCount, i.UndoneAt, i.UndoneBy, eventIds);

    private async Task<ImportPreview> AnalyseAsync(DiplomacyDbContext db, IReadOnlyList<ImportRow> rows, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var people = await PeopleByNameAsync(db, rows, cancellationToken);
        var slugs = rows.SelectMany(r => r.Draft.TopicSlugs).Distinct(StringComparer.Ordinal).ToList();
        var knownTopics = (await db.Topics.AsNoTracking().Where(t => slugs.Contains(t.Slug)).Select(t => t.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var sourceIds = rows.SelectMany(r => r.Draft.Sources.Where(s => s.SourceId is not null).Select(s => s.SourceId!.Value)).Distinct().ToList();
        var knownSources = (await db.Sources.AsNoTracking().Where(s => sourceIds.Contains(s.Id)).Select(s => s.Id).ToListAsync(cancellationToken)).ToHashSet();

        // Already recorded: the same external key (deleted events too: an undone import's keys stay taken), or an
        // event with the same title and dates.
        var keys = rows.Select(r => Clean(r.ExternalKey)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var byKey = (await db.Events.IgnoreQueryFilters().AsNoTracking().Where(e => e.ExternalKey != null && keys.Contains(e.ExternalKey))
                .Select(e => new { e.Id, e.Title, e.IsDeleted, e.ExternalKey }).ToListAsync(cancellationToken))
            .ToDictionary(e => e.ExternalKey!, e => (e.Id, e.Title, e.IsDeleted), StringComparer.Ordinal);
        var titles = rows.Select(r => r.Draft.Title.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var sameTitle = await db.Events.IgnoreQueryFilters().AsNoTracking().Where(e => titles.Contains(e.Title))
            .Select(e => new { e.Id, e.Title, e.IsDeleted, e.Start, e.End }).ToListAsync(cancellationToken);
        var byContent = new Dictionary<string, (int Id, string Title, bool IsDeleted)>(StringComparer.Ordinal);
        foreach (var e in sameTitle.OrderBy(e => e.IsDeleted).ThenBy(e => e.Id))
        {
            byContent.TryAdd(ContentKey(e.Title, e.Start, e.End), (e.Id, e.Title, e.IsDeleted));
        }

        var nearDates = await SavedDatesNearAsync(db, rows, cancellationToken);

        // First each row on its own (what is recorded already, the rules), then one duplicate check for every row that
        // may have one, then the rows against each other in file order.
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var outcomes = new ImportRowOutcome[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = rows[i];
            var key = Clean(row.ExternalKey);
            // An event already recorded is reported as such first, even when the row would not pass today's rules
            // (an export of seeded events whose sources carry no URL): it is skipped either way.
            if (key is not null && byKey.TryGetValue(key, out var keyed))
            {
                outcomes[i] = new ImportRowOutcome.AlreadyImported(keyed.Id, keyed.Title, keyed.IsDeleted, $"An event with the external key \"{key}\" is already recorded.");
            }
            else if (byContent.TryGetValue(ContentKey(row.Draft.Title, row.Draft.Start, row.Draft.End), out var same))
            {
                outcomes[i] = new ImportRowOutcome.AlreadyImported(same.Id, same.Title, same.IsDeleted, "An event with the same title and dates is already recorded.");
            }
            else
            {
                outcomes[i] = Check(row, people, knownTopics, knownSources, today);
            }

            if (progress is not null && (i % 100 == 99 || i == rows.Count - 1))
            {
                progress.Report(0.9 * (i + 1) / rows.Count);
            }
        }

        // Asked only for rows with a saved event near their dates (a file of new events costs no duplicate query at
        // all), and for those together: drafts close in time share one query.
        var asked = Enumerable.Range(0, rows.Count)
            .Where(i => outcomes[i] is ImportRowOutcome.WouldCreate && !rows[i].Draft.IgnoreDuplicates && MayHaveDuplicates(rows[i].Draft, nearDates))
            .ToList();
        var candidates = await commands.FindLikelyDuplicatesAsync(asked.ConvertAll(i => rows[i].Draft), cancellationToken);
        for (var n = 0; n < asked.Count; n++)
        {
            if (candidates[n].Count > 0)
            {
                outcomes[asked[n]] = new ImportRowOutcome.LikelyDuplicate(candidates[n]);
            }
        }

        var results = new List<ImportRowResult>(rows.Count);
        var keysInFile = new Dictionary<string, int>(StringComparer.Ordinal);
        var contentInFile = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var key = Clean(row.ExternalKey);
            var content = ContentKey(row.Draft.Title, row.Draft.Start, row.Draft.End);
            var outcome = outcomes[i];
            if (outcome is ImportRowOutcome.WouldCreate)
            {
                if (key is not null && keysInFile.TryGetValue(key, out var earlierKey))
                {
                    outcome = new ImportRowOutcome.Refused([new("external_key", $"Row {earlierKey} of this file has the same external key.")]);
                }
                else if (contentInFile.TryGetValue(content, out var earlierRow))
                {
                    outcome = new ImportRowOutcome.Refused([new("title", $"Row {earlierRow} of this file has the same title and dates.")]);
                }
            }

            if (key is not null)
            {
                keysInFile.TryAdd(key, row.Row);
            }

            if (outcome is ImportRowOutcome.WouldCreate)
            {
                contentInFile.TryAdd(content, row.Row);
            }

            results.Add(new ImportRowResult(row.Row, row.Draft.Title, key, outcome));
        }

        progress?.Report(1);
        return new ImportPreview(results);
    }

    // Resolves names to recorded people, fills in the draft's ids and canonical places, and checks it with the
    // editor's rules. Imports link recorded people only: an unknown name is refused rather than made a new person,
    // because a misspelt name would otherwise quietly become a second Putin.
    private ImportRowOutcome Check(ImportRow row, PeopleIndex people, HashSet<string> knownTopics, HashSet<int> knownSources, DateOnly today)
    {
        var problems = new List<ImportProblem>(row.Problems);
        var draft = row.Draft;
        if (Clean(row.ExternalKey) is { Length: > Event.ExternalKeyMaxLength })
        {
            problems.Add(new("external_key", $"The external key must be at most {Event.ExternalKeyMaxLength} characters."));
        }

        for (var i = 0; i < draft.Participants.Count; i++)
        {
            var participant = draft.Participants[i];
            if (participant.PersonId is { } id)
            {
                if (people.NameOf(id) is { } name)
                {
                    participant.PersonName = name;
                }
                else
                {
                    problems.Add(new($"Participants[{i}].PersonId", $"There is no person {id}."));
                }

                continue;
            }

            var wanted = participant.NewNameEn?.Trim() ?? string.Empty;
            switch (people.Find(wanted))
            {
                case [var match]:
                    participant.PersonId = match.Id;
                    participant.PersonName = match.NameEn;
                    participant.NewNameEn = participant.NewNameZh = participant.NewNameRu = null;
                    break;
                case []:
                    problems.Add(new($"Participants[{i}]", $"No recorded person is called \"{wanted}\" (use a name or slug of someone on the People list; add new people through the editor)."));
                    break;
                case var several:
                    problems.Add(new($"Participants[{i}]", $"Several people are called \"{wanted}\" ({string.Join(", ", several.Select(p => p.Slug))}); use the slug."));
                    break;
            }
        }

        foreach (var leg in draft.Legs)
        {
            // Any spelling the gazetteer knows ("St. Petersburg", "Пекин") is stored under its one name.
            leg.City = gazetteer.CityFor(leg.City) ?? leg.City;
            leg.Country = gazetteer.CountryFor(leg.Country) ?? leg.Country;
        }

        var unknownTopics = draft.TopicSlugs.Where(s => !knownTopics.Contains(s)).Distinct(StringComparer.Ordinal).ToList();
        if (unknownTopics.Count > 0)
        {
            problems.Add(new("topics", $"Unknown topic: {string.Join(", ", unknownTopics)}."));
        }

        for (var i = 0; i < draft.Sources.Count; i++)
        {
            if (draft.Sources[i].SourceId is { } id && !knownSources.Contains(id))
            {
                problems.Add(new($"Sources[{i}].SourceId", $"There is no source {id}."));
            }
        }

        if (problems.Count == 0)
        {
            problems.AddRange(EventDraftValidator.Validate(draft).SelectMany(e => e.Value.Select(m => new ImportProblem(e.Key, m))));
        }

        if (problems.Count > 0)
        {
            return new ImportRowOutcome.Refused(problems);
        }

        // What the editor would have to confirm is listed with the row; importing the checked file confirms it.
        var warnings = draft.ConfirmWarnings ? [] : EventDraftValidator.Warnings(draft, today);
        return new ImportRowOutcome.WouldCreate(warnings.SelectMany(w => w.Value.Select(m => new ImportProblem(w.Key, m))).ToList());
    }

    private static async Task<PeopleIndex> PeopleByNameAsync(DiplomacyDbContext db, IReadOnlyList<ImportRow> rows, CancellationToken cancellationToken)
    {
        var names = rows.SelectMany(r => r.Draft.Participants.Where(p => p.PersonId is null).Select(p => p.NewNameEn?.Trim()))
            .OfType<string>().Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var lowered = names.Select(n => n.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var ids = rows.SelectMany(r => r.Draft.Participants.Where(p => p.PersonId > 0).Select(p => p.PersonId!.Value)).Distinct().ToList();
        var people = await db.People.AsNoTracking()
            .Where(p => ids.Contains(p.Id) || lowered.Contains(p.Slug) || names.Contains(p.NameEn) || names.Contains(p.NameZh!) || names.Contains(p.NameRu!))
            .Select(p => new PersonName(p.Id, p.Slug, p.NameEn, p.NameZh, p.NameRu))
            .ToListAsync(cancellationToken);
        return new PeopleIndex(people);
    }

    // The start dates (as sort keys) of saved events in the file's date range, one query; rows far from all of them
    // cannot have a likely duplicate.
    private static async Task<List<(DateOnly First, DateOnly Last)>> SavedDatesNearAsync(DiplomacyDbContext db, IReadOnlyList<ImportRow> rows, CancellationToken cancellationToken)
    {
        var firsts = rows.Select(r => r.Draft.Start.Earliest).OfType<DateOnly>().ToList();
        if (firsts.Count == 0)
        {
            return [];
        }

        var low = firsts.Min().AddDays(-DaysBefore);
        var high = rows.Select(r => (r.Draft.End.IsKnown ? r.Draft.End : r.Draft.Start).Latest).OfType<DateOnly>().Max().AddDays(DaysAfter);
        int lowKey = low.Year * 10000, highKey = (high.Year * 10000) + (high.Month * 100) + high.Day;
        var sortKeys = await db.Events.AsNoTracking().Where(e => e.SortKey >= lowKey && e.SortKey <= highKey).Select(e => e.SortKey).Distinct().ToListAsync(cancellationToken);
        return sortKeys.Select(FromSortKey).ToList();
    }

    private static (DateOnly First, DateOnly Last) FromSortKey(int key)
    {
        int year = key / 10000, month = key / 100 % 100, day = key % 100;
        var date = month == 0 ? PartialDate.OfYear(year) : day == 0 ? PartialDate.OfMonth(year, month) : PartialDate.OfDay(year, month, day);
        return (date.Earliest!.Value, date.Latest!.Value);
    }

    private static bool MayHaveDuplicates(EventDraft draft, List<(DateOnly First, DateOnly Last)> saved)
    {
        if (draft.Start.Earliest is not { } first)
        {
            return false;
        }

        var last = (draft.End.IsKnown ? draft.End : draft.Start).Latest!.Value;
        var (from, to) = (first.AddDays(-DaysBefore), last.AddDays(DaysAfter));
        return saved.Exists(s => s.First <= to && s.Last >= from);
    }

    private static string ContentKey(string title, PartialDate start, PartialDate end) =>
        $"{string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant()}|{start.ToIso()}|{(end.IsKnown ? end : start).ToIso()}";

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string TrimFileName(string fileName)
    {
        var name = Path.GetFileName(string.IsNullOrWhiteSpace(fileName) ? "(upload)" : fileName.Trim());
        return name.Length > Import.FileNameMaxLength ? name[..Import.FileNameMaxLength] : name;
    }

    /// <summary>The check's progress as the first half of the apply's (reported at once, on the caller's thread).</summary>
    private sealed class FirstHalf(IProgress<double> progress) : IProgress<double>
    {
        public void Report(double value) => progress.Report(value / 2);
    }

    private sealed record PersonName(int Id, string Slug, string NameEn, string? NameZh, string? NameRu);

    /// <summary>People by slug or any of their names (case ignored).</summary>
    private sealed class PeopleIndex
    {
        private readonly Dictionary<int, PersonName> byId;
        private readonly ILookup<string, PersonName> byName;

        public PeopleIndex(List<PersonName> people)
        {
            byId = people.ToDictionary(p => p.Id);
            byName = people
                .SelectMany(p => new[] { p.Slug, p.NameEn, p.NameZh, p.NameRu }.OfType<string>().Where(n => n.Length > 0).Distinct().Select(n => (Name: n, Person: p)))
                .ToLookup(x => x.Name, x => x.Person, StringComparer.OrdinalIgnoreCase);
        }

        public string? NameOf(int id) => byId.TryGetValue(id, out var p) ? p.NameEn : null;

        public PersonName[] Find(string name) => byName[name].DistinctBy(p => p.Id).ToArray();
    }
}
