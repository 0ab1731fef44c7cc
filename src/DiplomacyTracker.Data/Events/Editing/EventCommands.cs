using System.Text;
using DiplomacyTracker.Data.Auditing;
using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Documents;
using DiplomacyTracker.Data.Participants;
using DiplomacyTracker.Data.Places;
using DiplomacyTracker.Data.Sources;
using DiplomacyTracker.Data.Statements;
using DiplomacyTracker.Data.Topics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DiplomacyTracker.Data.Events.Editing;

/// <summary>
/// Write side of events. Every command validates the draft (the same rules for the form and the API), runs in one
/// transaction on its own context, and writes its audit entry in that transaction: all or nothing.
/// </summary>
public sealed class EventCommands(IDbContextFactory<DiplomacyDbContext> contextFactory, Gazetteer gazetteer, ILogger<EventCommands> logger)
{
    private readonly DuplicateScore duplicateScore = new(gazetteer);

    public async Task<EditableEvent?> GetForEditAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await ReadEditableAsync(db, id, cancellationToken);
    }

    internal static async Task<EditableEvent?> ReadEditableAsync(DiplomacyDbContext db, int id, CancellationToken cancellationToken)
    {
        var entity = await LoadGraph(db).AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        return entity is null ? null : new EditableEvent(entity.Id, entity.Version, ToDraft(entity));
    }

    public Task<EventCommandResult> CreateAsync(EventDraft draft, string userName, CancellationToken cancellationToken = default) =>
        GuardStorageAsync("create", null, userName, () => CreateCoreAsync(draft, userName, cancellationToken));

    public Task<EventCommandResult> UpdateAsync(int id, EventDraft draft, Guid expectedVersion, string userName, CancellationToken cancellationToken = default) =>
        GuardStorageAsync("update", id, userName, () => UpdateCoreAsync(id, draft, expectedVersion, userName, cancellationToken));

    public Task<EventCommandResult> SoftDeleteAsync(int id, string userName, CancellationToken cancellationToken = default) =>
        GuardStorageAsync("delete", id, userName, () => SoftDeleteCoreAsync(id, userName, cancellationToken));

    public Task<EventCommandResult> RestoreAsync(int id, string userName, CancellationToken cancellationToken = default) =>
        GuardStorageAsync("restore", id, userName, () => RestoreCoreAsync(id, userName, cancellationToken));

    /// <summary>
    /// A full disk or an I/O error while writing is the storage's problem, not a bug: the transaction is rolled back
    /// (nothing is half-written), the failure is logged with what was being saved, and the caller gets a result it can
    /// explain; the next write works again once space returns.
    /// </summary>
    private async Task<EventCommandResult> GuardStorageAsync(string action, int? id, string userName, Func<Task<EventCommandResult>> write)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Cached reads from before a saved write go stale by themselves (RecordChangesInterceptor).
                return await write();
            }
            catch (DbUpdateException exception) when (attempt == 1 && IsPlaceTaken(exception))
            {
                // Another save added the same new place between this save's check and its insert (both rolled back
                // nothing of the other's): the place is known now, so the same save again links to it.
                logger.LogInformation("A new place in the {Action} of event {EventId} by {User} was added meanwhile by another save; saving again", action, id, userName);
            }
            catch (Exception exception) when (StorageFailure(exception) is { } diskFull)
            {
                logger.LogError(exception, "Could not {Action} event {EventId} for {User}: {Problem}", action, id, userName, diskFull ? "the disk is full" : "the database could not be written (I/O error)");
                return new EventCommandResult.StorageFailed(diskFull);
            }
        }
    }

    // The Places table's unique city and country: SQLITE_CONSTRAINT (19) naming it, or PostgreSQL's unique_violation
    // (23505) on its index.
    private static bool IsPlaceTaken(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 } sqlite && sqlite.Message.Contains("Places.", StringComparison.Ordinal))
            {
                return true;
            }

            if (e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation, TableName: "Places" })
            {
                return true;
            }
        }

        return false;
    }

    // The disk is full (true) or the database could not be written (false), however deep EF wrapped it; null for
    // anything else. SQLite: SQLITE_FULL (13), SQLITE_IOERR (10). PostgreSQL: disk_full (53100), io_error (58030).
    internal static bool? StorageFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 13 or 10 } sqlite:
                    return sqlite.SqliteErrorCode == 13;
                case Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.DiskFull or Npgsql.PostgresErrorCodes.IoError } postgres:
                    return postgres.SqlState == Npgsql.PostgresErrorCodes.DiskFull;
                default:
                    break;
            }
        }

        return null;
    }

    private async Task<EventCommandResult> CreateCoreAsync(EventDraft draft, string userName, CancellationToken cancellationToken)
    {
        var errors = EventDraftValidator.Validate(draft);
        if (errors.Count > 0)
        {
            return new EventCommandResult.Invalid(errors);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var references = await ResolveReferencesAsync(db, draft, cancellationToken);
        if (references.Errors.Count > 0)
        {
            return new EventCommandResult.Invalid(references.Errors);
        }

        if (Unconfirmed(db, draft, null) is { } warnings)
        {
            return warnings;
        }

        if (!draft.IgnoreDuplicates)
        {
            var duplicates = await FindLikelyDuplicatesAsync(db, draft, null, cancellationToken);
            if (duplicates.Count > 0)
            {
                return new EventCommandResult.LikelyDuplicates(duplicates);
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var entity = new Event();
            Apply(db, entity, draft, references);
            db.Events.Add(entity);
            await db.SaveChangesAsync(cancellationToken);
            var changes = EventSnapshot.Diff(new Dictionary<string, string>(), EventSnapshot.Flatten(draft));
            db.AuditEntries.Add(Audit(db, entity.Id, AuditAction.Created, userName, changes));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Event {EventId} created by {User}", entity.Id, userName);
            LogNewPlaces(references.NewPlaces, userName);
            return new EventCommandResult.Saved(entity.Id, entity.Version, changes);
        }
        catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException && StorageFailure(exception) is null && !IsPlaceTaken(exception))
        {
            logger.LogError(exception, "Creating event '{Title}' failed for {User}", draft.Title, userName);
            throw;
        }
    }

    private async Task<EventCommandResult> UpdateCoreAsync(int id, EventDraft draft, Guid expectedVersion, string userName, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var entity = await LoadGraph(db).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entity is null)
        {
            return new EventCommandResult.NotFound(id);
        }

        // The rules know the saved event: one saved without a source before sources were required stays saveable.
        var before = ToDraft(entity);
        var errors = EventDraftValidator.Validate(draft, before);
        if (errors.Count > 0)
        {
            return new EventCommandResult.Invalid(errors);
        }

        var references = await ResolveReferencesAsync(db, draft, cancellationToken);
        if (references.Errors.Count > 0)
        {
            return new EventCommandResult.Invalid(references.Errors);
        }

        if (entity.Version != expectedVersion)
        {
            logger.LogWarning("Edit conflict on event {EventId} for {User}: expected version {Expected}, found {Actual}", id, userName, expectedVersion, entity.Version);
            return Conflict(entity, before, draft);
        }

        if (Unconfirmed(db, draft, before) is { } warnings)
        {
            return warnings;
        }

        // Only a change of what makes it the same event (title, dates, places, people) is checked again: correcting a
        // summary is not held up by a look-alike the editor already saw.
        if (!draft.IgnoreDuplicates && DuplicateSubject.Of(draft).Differs(DuplicateSubject.Of(before)))
        {
            var duplicates = await FindLikelyDuplicatesAsync(db, draft, id, cancellationToken);
            if (duplicates.Count > 0)
            {
                return new EventCommandResult.LikelyDuplicates(duplicates);
            }
        }

        var changes = EventSnapshot.Diff(EventSnapshot.Flatten(before), EventSnapshot.Flatten(draft));
        if (changes.Count == 0)
        {
            // Nothing about the event changed; coordinates given for a leg's new place are still kept.
            if (references.NewPlaces.Count > 0)
            {
                db.Places.AddRange(references.NewPlaces);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                LogNewPlaces(references.NewPlaces, userName);
            }

            return new EventCommandResult.Saved(id, entity.Version, []);
        }

        try
        {
            Apply(db, entity, draft, references);
            // The event row always changes, so its token is renewed even when only a leg or a statement changed,
            // and the UPDATE only matches the version the editor loaded (a concurrent save in between conflicts).
            var entry = db.Entry(entity);
            entry.Property(e => e.Version).OriginalValue = expectedVersion;
            entry.Property(e => e.UpdatedAt).IsModified = true;
            entry.State = EntityState.Modified;
            db.AuditEntries.Add(Audit(db, id, AuditAction.Updated, userName, changes));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Event {EventId} updated by {User}: {Count} field(s) changed", id, userName, changes.Count);
            LogNewPlaces(references.NewPlaces, userName);
            return new EventCommandResult.Saved(id, entity.Version, changes);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            logger.LogWarning(exception, "Edit conflict on event {EventId} for {User} while saving", id, userName);
            await transaction.RollbackAsync(cancellationToken);
            await using var fresh = await contextFactory.CreateDbContextAsync(cancellationToken);
            var current = await LoadGraph(fresh).AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
            return current is null ? new EventCommandResult.NotFound(id) : Conflict(current, ToDraft(current), draft);
        }
        catch (DbUpdateException exception) when (StorageFailure(exception) is null && !IsPlaceTaken(exception))
        {
            logger.LogError(exception, "Updating event {EventId} failed for {User}", id, userName);
            throw;
        }
    }

    private async Task<EventCommandResult> SoftDeleteCoreAsync(int id, string userName, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var entity = await db.Events.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entity is null)
        {
            return new EventCommandResult.NotFound(id);
        }

        entity.IsDeleted = true;
        entity.DeletedAt = db.Clock.GetUtcNow().UtcDateTime;
        entity.DeletedBy = userName;
        FieldChange[] changes = [new("Deleted", "no", "yes")];
        db.AuditEntries.Add(Audit(db, id, AuditAction.Deleted, userName, changes));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Event {EventId} deleted by {User}", id, userName);
        return new EventCommandResult.Saved(id, entity.Version, changes);
    }

    private async Task<EventCommandResult> RestoreCoreAsync(int id, string userName, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var entity = await db.Events.IgnoreQueryFilters().SingleOrDefaultAsync(e => e.Id == id && e.IsDeleted, cancellationToken);
        if (entity is null)
        {
            return new EventCommandResult.NotFound(id);
        }

        entity.IsDeleted = false;
        entity.DeletedAt = null;
        entity.DeletedBy = null;
        FieldChange[] changes = [new("Deleted", "yes", "no")];
        db.AuditEntries.Add(Audit(db, id, AuditAction.Restored, userName, changes));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Event {EventId} restored by {User}", id, userName);
        return new EventCommandResult.Saved(id, entity.Version, changes);
    }

    public async Task<IReadOnlyList<DeletedEvent>> ListRecentlyDeletedAsync(int take = 100, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Events.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.IsDeleted)
            .OrderByDescending(e => e.DeletedAt)
            .Take(take)
            .Select(e => new DeletedEvent(e.Id, e.Title, e.Start, e.End, e.DeletedAt, e.DeletedBy))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditView>> GetAuditTrailAsync(int eventId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EventId == eventId)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(a => new AuditView(a.Id, a.Action, a.UserName, a.At, EventSnapshot.FromJson(a.ChangesJson))).ToList();
    }

    /// <summary>
    /// Saved events that look like the same one as <paramref name="draft"/> (see <see cref="DuplicateScore"/>), most
    /// alike first: one query for the events near its dates, scored in memory.
    /// </summary>
    public async Task<IReadOnlyList<DuplicateCandidate>> FindLikelyDuplicatesAsync(EventDraft draft, int? excludeId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await FindLikelyDuplicatesAsync(db, draft, excludeId, cancellationToken);
    }

    /// <summary>
    /// For many drafts at once (a bulk import): the likely duplicates of each among the saved events, in the drafts'
    /// order. Drafts close in time share one query, so a file of 10,000 rows costs one query per stretch of dates
    /// rather than one per row. Drafts are not compared with each other here (see <see cref="DuplicateScore"/>).
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyList<DuplicateCandidate>>> FindLikelyDuplicatesAsync(IReadOnlyList<EventDraft> drafts, CancellationToken cancellationToken = default)
    {
        var results = new IReadOnlyList<DuplicateCandidate>[drafts.Count];
        Array.Fill(results, []);
        var dated = drafts.Select((draft, index) => (Index: index, Subject: DuplicateSubject.Of(draft)))
            .Select(d => (d.Index, d.Subject, Window: Window(d.Subject)))
            .Where(d => d.Window is not null)
            .OrderBy(d => d.Window!.Value.From)
            .ToList();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        for (var first = 0; first < dated.Count;)
        {
            // One stretch: windows that overlap or nearly touch, at most MaxStretchDays long in all.
            var (from, to) = dated[first].Window!.Value;
            var last = first + 1;
            while (last < dated.Count && dated[last].Window!.Value.From <= to.AddDays(LongestEventDays) && dated[last].Window!.Value.To.DayNumber - from.DayNumber <= MaxStretchDays)
            {
                to = dated[last].Window!.Value.To > to ? dated[last].Window!.Value.To : to;
                last++;
            }

            var candidates = await CandidatesAsync(db, from, to, null, cancellationToken);
            for (var i = first; i < last; i++)
            {
                results[dated[i].Index] = Score(dated[i].Subject, candidates);
            }

            first = last;
        }

        return results;
    }

    // Visits last days, not months: a saved event starting more than this before the draft's window is not looked at
    // (unless its date is known only to the year, which is looked up by its own key).
    private const int LongestEventDays = 31;

    // The longest stretch of dates one query of the batch covers, so a query never reads years of events at once.
    private const int MaxStretchDays = 92;

    private async Task<IReadOnlyList<DuplicateCandidate>> FindLikelyDuplicatesAsync(DiplomacyDbContext db, EventDraft draft, int? excludeId, CancellationToken cancellationToken)
    {
        var subject = DuplicateSubject.Of(draft);
        return Window(subject) is var (from, to)
            ? Score(subject, await CandidatesAsync(db, from, to, excludeId, cancellationToken))
            : [];
    }

    // The days a saved event must touch to be compared: the draft's span widened by the days a duplicate may be off.
    private static (DateOnly From, DateOnly To)? Window(DuplicateSubject subject)
    {
        if (subject.Start.Earliest is not { } first)
        {
            return null;
        }

        var last = (subject.End.IsKnown && subject.End.Latest >= subject.Start.Latest ? subject.End : subject.Start).Latest!.Value;
        return (first.AddDays(-DuplicateScore.MaxDaysApart), last.AddDays(DuplicateScore.MaxDaysApart));
    }

    private sealed record Candidate(int Id, DuplicateSubject Subject);

    private static async Task<List<Candidate>> CandidatesAsync(DiplomacyDbContext db, DateOnly from, DateOnly to, int? excludeId, CancellationToken cancellationToken)
    {
        // SortKey is yyyymmdd with missing parts as zero, indexed: a month-precision start (yyyymm00) sorts before the
        // month's days, so one range covers day and month dates; year-precision starts (yyyy0000) are picked by key.
        var low = SortKeyOf(from.AddDays(-LongestEventDays)) / 100 * 100;
        var high = SortKeyOf(to);
        var yearKeys = Enumerable.Range(from.Year, to.Year - from.Year + 1).Select(y => y * 10000).ToList();
        // Deleted events are dropped after reading, not in SQL: with "IsDeleted = 0" in the WHERE, SQLite (no
        // statistics) walks IX_Events_IsDeleted, every live event; without it the plan is two ranges of the SortKey index.
        var rows = await db.Events.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.Id != excludeId && ((e.SortKey >= low && e.SortKey <= high) || yearKeys.Contains(e.SortKey)))
            .Select(e => new
            {
                e.Id,
                e.IsDeleted,
                e.Title,
                e.Start,
                e.End,
                Places = e.Legs.Select(l => new { l.City, l.Country }).ToList(),
                People = e.Participants.Select(p => p.PersonId).ToList(),
            })
            // One round trip: a handful of events near a date, each with a few legs and people.
            .AsSingleQuery()
            .ToListAsync(cancellationToken);
        return rows.Where(r => !r.IsDeleted).Select(r => new Candidate(r.Id, new DuplicateSubject(r.Title, r.Start, r.End, r.Places.Select(p => (p.City, p.Country)).ToList(), r.People))).ToList();
    }

    private List<DuplicateCandidate> Score(DuplicateSubject subject, List<Candidate> candidates) => candidates
        .Select(c => (c, Match: duplicateScore.Match(subject, c.Subject)))
        .Where(x => x.Match is not null)
        .OrderByDescending(x => x.Match!.Score).ThenBy(x => x.c.Id)
        .Select(x => new DuplicateCandidate(x.c.Id, x.c.Subject.Title, x.c.Subject.Start, x.c.Subject.End, x.Match!.Score, x.Match.Reasons))
        .ToList();

    private static int SortKeyOf(DateOnly date) => PartialDate.OfDay(date).SortKey;

    // Warnings the editor has not confirmed yet, judged against today's date on the database's clock.
    private static EventCommandResult.NeedsConfirmation? Unconfirmed(DiplomacyDbContext db, EventDraft draft, EventDraft? saved)
    {
        if (draft.ConfirmWarnings)
        {
            return null;
        }

        var warnings = EventDraftValidator.Warnings(draft, DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime), saved);
        return warnings.Count > 0 ? new EventCommandResult.NeedsConfirmation(warnings) : null;
    }

    private static EventCommandResult.Conflict Conflict(Event current, EventDraft currentDraft, EventDraft submitted)
    {
        var changes = EventSnapshot.Diff(EventSnapshot.Flatten(submitted), EventSnapshot.Flatten(currentDraft));
        return new EventCommandResult.Conflict(new EditableEvent(current.Id, current.Version, currentDraft), changes);
    }

    internal static AuditEntry Audit(DiplomacyDbContext db, int eventId, AuditAction action, string userName, IReadOnlyList<FieldChange> changes) => new()
    {
        EventId = eventId,
        Action = action,
        UserName = string.IsNullOrWhiteSpace(userName) ? "(unknown)" : userName,
        At = db.Clock.GetUtcNow().UtcDateTime,
        ChangesJson = EventSnapshot.ToJson(changes),
    };

    private static IQueryable<Event> LoadGraph(DiplomacyDbContext db) => db.Events
        .Include(e => e.Legs).ThenInclude(l => l.Attendees)
        .Include(e => e.Participants).ThenInclude(p => p.Person)
        .Include(e => e.Statements).ThenInclude(s => s.Speaker)
        .Include(e => e.Documents)
        .Include(e => e.Sources)
        .Include(e => e.Topics)
        .AsSplitQuery();

    private static string PersonKey(int id) => $"p{id}";

    private static string SourceKey(int id) => $"s{id}";

    // One draft from the saved entities (the editor, the commands) and one from an event's details (GET
    // /api/events/{id}), with the rules below shared: EditDraftMappingTests holds the two equal. Lists are ordered in
    // memory, the same way for both (the database's order can differ by provider: PostgreSQL sorts a statement without
    // a source last).
    internal static EventDraft ToDraft(Event e)
    {
        var participantIds = e.Participants.Select(p => p.PersonId).ToHashSet();
        var sourceIds = e.Sources.Select(s => s.Id).ToHashSet();
        var draft = DraftOf(e.Title, e.Type, e.Status, e.Start, e.End, e.DateNote, e.HostSide, e.IsMentionedOnly, e.Summary);
        draft.Participants = e.Participants.OrderBy(p => p.Person!.NameEn).ThenBy(p => p.PersonId)
            .Select(p => ParticipantDraftOf(p.PersonId, p.Person!.NameEn, p.Role)).ToList();
        draft.Legs = e.Legs.OrderBy(l => l.Position)
            .Select(l => LegDraftOf(l.City, l.Country, l.Site, l.Start, l.End, l.Attendees.Select(a => a.Id), participantIds)).ToList();
        draft.Sources = e.Sources.OrderBy(s => s.Id).Select(s => SourceDraftOf(s.Id, s.Title, s.Url, s.Outlet, s.PublishedOn)).ToList();
        draft.TopicSlugs = e.Topics.OrderBy(t => t.Name).Select(t => t.Slug).ToList();
        draft.Statements = e.Statements.OrderBy(s => s.SourceId).ThenBy(s => s.SourceOffset).ThenBy(s => s.Id)
            .Select(s => StatementDraftOf(s.Id, s.SpeakerId, s.Speaker?.NameEn, s.Attribution, s.Kind, s.Text, s.SourceId, participantIds, sourceIds)).ToList();
        draft.Documents = e.Documents.OrderBy(d => d.Id)
            .Select(d => DocumentDraftOf(d.Id, d.Title, d.Kind, d.Summary, d.SourceId, sourceIds)).ToList();
        return draft;
    }

    /// <summary>The draft <see cref="ToDraft(Event)"/> makes, from the event's details: GET /api/events/{id} reads the
    /// event once for both (11 statements instead of 19).</summary>
    internal static EventDraft ToDraft(EventDetails e)
    {
        var participantIds = e.Participants.Select(p => p.Person.Id).ToHashSet();
        var sourceIds = e.Sources.Select(s => s.Id).ToHashSet();
        var draft = DraftOf(e.Title, e.Type, e.Status, e.Start, e.End, e.DateNote, e.HostSide, e.IsMentionedOnly, e.Summary);
        draft.Participants = e.Participants.OrderBy(p => p.Person.Name).ThenBy(p => p.Person.Id)
            .Select(p => ParticipantDraftOf(p.Person.Id, p.Person.Name, p.Role)).ToList();
        draft.Legs = e.Legs.OrderBy(l => l.Position)
            .Select(l => LegDraftOf(l.City, l.Country, l.Site, l.Start, l.End, l.Attendees.Select(a => a.Id), participantIds)).ToList();
        draft.Sources = e.Sources.OrderBy(s => s.Id).Select(s => SourceDraftOf(s.Id, s.Title, s.Url, s.Outlet, s.PublishedOn)).ToList();
        draft.TopicSlugs = e.Topics.OrderBy(t => t.Name).Select(t => t.Slug).ToList();
        draft.Statements = e.Statements.OrderBy(s => s.Source?.Id).ThenBy(s => s.SourceOffset).ThenBy(s => s.Id)
            .Select(s => StatementDraftOf(s.Id, s.Speaker?.Id, s.Speaker?.Name, s.Attribution, s.Kind, s.Text, s.Source?.Id, participantIds, sourceIds)).ToList();
        draft.Documents = e.Documents.OrderBy(d => d.Id)
            .Select(d => DocumentDraftOf(d.Id, d.Title, d.Kind, d.Summary, d.Source?.Id, sourceIds)).ToList();
        return draft;
    }

    private static EventDraft DraftOf(string title, EventType type, EventStatus status, PartialDate start, PartialDate end,
        string? dateNote, Side hostSide, bool mentionedOnly, string summary) => new()
        {
            Title = title,
            Type = type,
            Status = status,
            Precision = start.Precision,
            StartDate = EventDraft.FromPartial(start),
            EndDate = end == start ? null : EventDraft.FromPartial(end),
            DatesApproximate = start.IsApproximate,
            DateNote = dateNote,
            HostSide = hostSide,
            MentionedOnly = mentionedOnly,
            Summary = summary,
        };

    private static ParticipantDraft ParticipantDraftOf(int personId, string name, string role) =>
        new() { Key = PersonKey(personId), PersonId = personId, PersonName = name, Role = role };

    // Attendees who are participants by their key; anyone else recorded as attending stays, by id.
    private static LegDraft LegDraftOf(string city, string country, string? site, PartialDate start, PartialDate end, IEnumerable<int> attendeeIds, HashSet<int> participantIds)
    {
        var attendees = attendeeIds.Order().ToList();
        return new LegDraft
        {
            City = city,
            Country = country,
            Site = site,
            StartDate = EventDraft.FromPartial(start),
            EndDate = EventDraft.FromPartial(end),
            AttendeeKeys = attendees.Where(participantIds.Contains).Select(PersonKey).ToList(),
            OtherAttendeeIds = attendees.Where(id => !participantIds.Contains(id)).ToList(),
        };
    }

    private static SourceDraft SourceDraftOf(int id, string title, string? url, string? outlet, PartialDate publishedOn) => new()
    {
        Key = SourceKey(id),
        SourceId = id,
        Title = title,
        Url = url,
        Outlet = outlet,
        PublishedOn = EventDraft.FromPartial(publishedOn),
        PublishedText = publishedOn.IsKnown ? publishedOn.ToString() : null,
    };

    // A speaker who is not a participant of this event (a spokesperson, a minister quoted) stays the speaker, by id;
    // a source not among the event's is not named.
    private static StatementDraft StatementDraftOf(int id, int? speakerId, string? speakerName, string? attribution, StatementKind kind, string text,
        int? sourceId, HashSet<int> participantIds, HashSet<int> sourceIds) => new()
        {
            Id = id,
            SpeakerKey = speakerId is { } speaker && participantIds.Contains(speaker) ? PersonKey(speaker) : null,
            SpeakerPersonId = speakerId is { } other && !participantIds.Contains(other) ? other : null,
            SpeakerName = speakerId is { } named && !participantIds.Contains(named) ? speakerName : null,
            Attribution = attribution,
            Kind = kind,
            Text = text,
            SourceKey = sourceId is { } source && sourceIds.Contains(source) ? SourceKey(source) : null,
        };

    private static DocumentDraft DocumentDraftOf(int id, string title, DocumentKind kind, string? summary, int? sourceId, HashSet<int> sourceIds) => new()
    {
        Id = id,
        Title = title,
        Kind = kind,
        Summary = summary,
        SourceKey = sourceId is { } source && sourceIds.Contains(source) ? SourceKey(source) : null,
    };

    internal sealed record References(
        Dictionary<string, string[]> Errors,
        Dictionary<int, Person> People,
        Dictionary<int, Source> Sources,
        List<Topic> Topics,
        List<Place> NewPlaces);

    private void LogNewPlaces(List<Place> places, string userName)
    {
        foreach (var place in places)
        {
            logger.LogInformation("Place {City}, {Country} added at {Latitude}, {Longitude} by {User}", place.City, place.Country, place.Latitude, place.Longitude, userName);
        }
    }

    // A leg's coordinates become a new place only when no place has that city and country yet (any case); once one
    // does, the editor is not asked again and coordinates sent anyway (the API) never move it.
    private static async Task<List<Place>> NewPlacesAsync(DiplomacyDbContext db, EventDraft draft, CancellationToken cancellationToken)
    {
        var located = draft.Legs.Where(l => l.Latitude is not null && l.Longitude is not null && !string.IsNullOrWhiteSpace(l.City) && !string.IsNullOrWhiteSpace(l.Country)).ToList();
        if (located.Count == 0)
        {
            return [];
        }

        var cities = located.Select(l => l.City.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var known = (await db.Places.Where(p => cities.Contains(p.City)).Select(p => new { p.City, p.Country }).ToListAsync(cancellationToken))
            .Select(p => PlaceQueries.Key(p.City, p.Country)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var added = new List<Place>();
        foreach (var leg in located)
        {
            var (city, country) = (leg.City.Trim(), leg.Country.Trim());
            if (known.Add(PlaceQueries.Key(city, country)))
            {
                added.Add(new Place { City = city, Country = country, Latitude = leg.Latitude!.Value, Longitude = leg.Longitude!.Value });
            }
        }

        return added;
    }

    // Existing people, sources and topics the draft names must exist; names are taken from the database, never the client.
    private static async Task<References> ResolveReferencesAsync(DiplomacyDbContext db, EventDraft draft, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var personIds = draft.Participants.Where(p => p.PersonId > 0).Select(p => p.PersonId!.Value)
            .Concat(draft.Statements.Where(s => s.SpeakerPersonId > 0).Select(s => s.SpeakerPersonId!.Value))
            .Concat(draft.Legs.SelectMany(l => l.OtherAttendeeIds))
            .Distinct().ToList();
        var people = await db.People.Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        for (var i = 0; i < draft.Participants.Count; i++)
        {
            if (draft.Participants[i].PersonId is { } id)
            {
                if (people.TryGetValue(id, out var person))
                {
                    draft.Participants[i].PersonName = person.NameEn;
                }
                else
                {
                    errors[$"Participants[{i}].PersonId"] = ["This person does not exist (any more)."];
                }
            }
        }

        for (var i = 0; i < draft.Statements.Count; i++)
        {
            if (draft.Statements[i].SpeakerPersonId is { } id)
            {
                if (people.TryGetValue(id, out var person))
                {
                    draft.Statements[i].SpeakerName = person.NameEn;
                }
                else
                {
                    errors[$"Statements[{i}].SpeakerPersonId"] = ["This person does not exist (any more)."];
                }
            }
        }

        for (var i = 0; i < draft.Legs.Count; i++)
        {
            if (draft.Legs[i].OtherAttendeeIds.Any(id => !people.ContainsKey(id)))
            {
                errors[$"Legs[{i}].OtherAttendeeIds"] = ["An attendee does not exist (any more)."];
            }
        }

        var sourceIds = draft.Sources.Where(s => s.SourceId is not null).Select(s => s.SourceId!.Value).Distinct().ToList();
        var sources = await db.Sources.Where(s => sourceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        for (var i = 0; i < draft.Sources.Count; i++)
        {
            var draftSource = draft.Sources[i];
            if (draftSource.SourceId is not { } id)
            {
                continue;
            }

            if (!sources.TryGetValue(id, out var source))
            {
                errors[$"Sources[{i}].SourceId"] = ["This source does not exist (any more)."];
                continue;
            }

            // A saved source may be shared by other events: an event only links or unlinks it. Details sent with it
            // must be its current ones (or left out); changing them is refused, never silently applied or dropped.
            const string Shared = "This is a saved source, possibly shared by other events: an event only links it. Leave its details out (or as they are) and change them on the source's own page.";
            var refused = false;
            if (!string.IsNullOrWhiteSpace(draftSource.Title) && !string.Equals(draftSource.Title.Trim(), source.Title, StringComparison.Ordinal))
            {
                errors[$"Sources[{i}].Title"] = [Shared];
                refused = true;
            }

            if (!string.IsNullOrWhiteSpace(draftSource.Url) && !string.Equals(draftSource.Url.Trim(), source.Url, StringComparison.Ordinal))
            {
                errors[$"Sources[{i}].Url"] = [Shared];
                refused = true;
            }

            if (!string.IsNullOrWhiteSpace(draftSource.Outlet) && !string.Equals(draftSource.Outlet.Trim(), source.Outlet, StringComparison.Ordinal))
            {
                errors[$"Sources[{i}].Outlet"] = [Shared];
                refused = true;
            }

            if (draftSource.PublishedOn is { } published && published != source.PublishedOn.Earliest)
            {
                errors[$"Sources[{i}].PublishedOn"] = [Shared];
                refused = true;
            }

            if (!string.IsNullOrWhiteSpace(draftSource.Text) && !string.Equals(draftSource.Text.Trim(), source.Text.Trim(), StringComparison.Ordinal))
            {
                errors[$"Sources[{i}].Text"] = [Shared];
                refused = true;
            }

            if (refused)
            {
                continue;
            }

            // What the draft shows (and the audit records) is the saved source.
            draftSource.Title = source.Title;
            draftSource.Url = source.Url;
            draftSource.Outlet = source.Outlet;
            draftSource.PublishedOn = EventDraft.FromPartial(source.PublishedOn);
            draftSource.PublishedText = source.PublishedOn.IsKnown ? source.PublishedOn.ToString() : null;
            draftSource.Text = null;
        }

        var slugs = draft.TopicSlugs.Distinct(StringComparer.Ordinal).ToList();
        var topics = await db.Topics.Where(t => slugs.Contains(t.Slug)).ToListAsync(cancellationToken);
        var unknown = slugs.Except(topics.Select(t => t.Slug), StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            errors["TopicSlugs"] = [$"Unknown topic: {string.Join(", ", unknown)}."];
        }

        return new References(errors, people, sources, topics, await NewPlacesAsync(db, draft, cancellationToken));
    }

    /// <summary>Writes the draft onto the entity (new or loaded); also used by the bulk import, so both build events the same way.</summary>
    internal static void Apply(DiplomacyDbContext db, Event entity, EventDraft draft, References references)
    {
        entity.Title = draft.Title.Trim();
        entity.Type = draft.Type;
        entity.Status = draft.Status;
        entity.HostSide = draft.HostSide;
        entity.IsMentionedOnly = draft.MentionedOnly;
        entity.Summary = draft.Summary?.Trim() ?? string.Empty;
        entity.DateNote = Clean(draft.DateNote);
        // No end date is stored as unknown, as the seed does (not as a copy of the start).
        entity.SetDates(draft.Start, draft.End);

        // People: existing ones by id, new ones created with a unique slug.
        var byKey = new Dictionary<string, Person>(StringComparer.Ordinal);
        var takenSlugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var participant in draft.Participants)
        {
            if (participant.PersonId is { } id)
            {
                byKey[participant.Key] = references.People[id];
            }
            else
            {
                var person = new Person
                {
                    NameEn = participant.NewNameEn!.Trim(),
                    NameZh = Clean(participant.NewNameZh),
                    NameRu = Clean(participant.NewNameRu),
                    Country = participant.NewCountry,
                    Description = Clean(participant.Role),
                    Slug = UniqueSlug(db, participant.NewNameEn, takenSlugs),
                };
                db.People.Add(person);
                byKey[participant.Key] = person;
            }
        }

        foreach (var old in entity.Participants.ToList())
        {
            if (!draft.Participants.Any(p => p.PersonId == old.PersonId))
            {
                entity.Participants.Remove(old);
                db.EventParticipants.Remove(old);
            }
        }

        foreach (var participant in draft.Participants)
        {
            var existing = participant.PersonId is { } id ? entity.Participants.FirstOrDefault(p => p.PersonId == id) : null;
            if (existing is not null)
            {
                existing.Role = participant.Role?.Trim() ?? string.Empty;
            }
            else
            {
                entity.Participants.Add(new EventParticipant { Person = byKey[participant.Key], Role = participant.Role?.Trim() ?? string.Empty });
            }
        }

        // Legs are replaced as a whole (they have no identity of their own beyond their position).
        foreach (var leg in entity.Legs.ToList())
        {
            db.EventLegs.Remove(leg);
        }

        entity.Legs = draft.Legs.Select((l, position) => new EventLeg
        {
            Position = position,
            City = l.City.Trim(),
            Country = l.Country.Trim(),
            Site = Clean(l.Site),
            // A leg of an approximately dated event is approximate too.
            Start = EventDraft.ToPartial(l.StartDate, draft.Precision).AsApproximate(draft.DatesApproximate),
            End = EventDraft.ToPartial(l.EndDate, draft.Precision).AsApproximate(draft.DatesApproximate),
            Attendees = l.AttendeeKeys.Distinct(StringComparer.Ordinal).Select(k => byKey[k])
                .Concat(l.OtherAttendeeIds.Select(id => references.People[id]))
                .Distinct().ToList(),
        }).ToList();

        // Sources: saved ones are only linked (other events may share them; their details are never changed here),
        // new ones are created from the form.
        var sourcesByKey = new Dictionary<string, Source>(StringComparer.Ordinal);
        foreach (var s in draft.Sources)
        {
            sourcesByKey[s.Key] = s.SourceId is { } id ? references.Sources[id] : new Source
            {
                Title = s.Title.Trim(),
                Url = Clean(s.Url),
                Outlet = Clean(s.Outlet),
                PublishedOn = s.PublishedOn is { } published ? PartialDate.OfDay(published) : PartialDate.Unknown,
                Text = s.Text ?? string.Empty,
            };
        }

        entity.Sources.Clear();
        entity.Sources.AddRange(sourcesByKey.Values);

        Source? SourceFor(string? key) => key is { Length: > 0 } ? sourcesByKey[key] : null;

        // Statements and documents keep their rows (and ids) when edited.
        foreach (var old in entity.Statements.Where(s => !draft.Statements.Any(d => d.Id == s.Id)).ToList())
        {
            entity.Statements.Remove(old);
            db.Statements.Remove(old);
        }

        foreach (var s in draft.Statements)
        {
            var statement = s.Id is { } id ? entity.Statements.FirstOrDefault(x => x.Id == id) : null;
            if (statement is null)
            {
                statement = new Statement();
                entity.Statements.Add(statement);
            }
            else if (!string.Equals(statement.Text, s.Text, StringComparison.Ordinal))
            {
                statement.SourceOffset = null;
            }

            statement.Text = s.Text.Trim();
            statement.Kind = s.Kind;
            statement.Attribution = Clean(s.Attribution);
            statement.Speaker = s.SpeakerKey is { Length: > 0 } key ? byKey[key]
                : s.SpeakerPersonId is { } speakerId ? references.People[speakerId]
                : null;
            if (statement.Speaker is null)
            {
                statement.SpeakerId = null;
            }

            statement.Source = SourceFor(s.SourceKey);
            if (statement.Source is null)
            {
                statement.SourceId = null;
            }
        }

        foreach (var old in entity.Documents.Where(d => !draft.Documents.Any(x => x.Id == d.Id)).ToList())
        {
            entity.Documents.Remove(old);
            db.Documents.Remove(old);
        }

        foreach (var d in draft.Documents)
        {
            var document = d.Id is { } id ? entity.Documents.FirstOrDefault(x => x.Id == id) : null;
            if (document is null)
            {
                document = new SignedDocument();
                entity.Documents.Add(document);
            }

            document.Title = d.Title.Trim();
            document.Kind = d.Kind;
            document.Summary = Clean(d.Summary);
            document.Source = SourceFor(d.SourceKey);
            if (document.Source is null)
            {
                document.SourceId = null;
            }
        }

        entity.Topics.Clear();
        entity.Topics.AddRange(references.Topics);
        db.Places.AddRange(references.NewPlaces);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string UniqueSlug(DiplomacyDbContext db, string? name, HashSet<string> taken)
    {
        var builder = new StringBuilder();
        foreach (var c in (name ?? string.Empty).Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var stem = builder.ToString().Trim('-');
        if (stem.Length == 0)
        {
            stem = "person";
        }

        stem = stem.Length > 100 ? stem[..100] : stem;

        // Every slug in use that this stem could collide with, in one query (an index range on Slug), then the first
        // free number: "li-wei", "li-wei-2", "li-wei-3"…
        var used = db.People.Where(p => p.Slug == stem || p.Slug.StartsWith(stem + "-")).Select(p => p.Slug).ToHashSet(StringComparer.Ordinal);
        used.UnionWith(taken);
        var slug = stem;
        for (var n = 2; used.Contains(slug); n++)
        {
            slug = $"{stem}-{n}";
        }

        taken.Add(slug);
        return slug;
    }
}
