using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Events;
using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Data.Participants;

public sealed record PersonSummary(int Id, string Slug, string NameEn, string? NameZh, string? NameRu, Side Country, string? Description, int EventCount, int StatementCount);

public sealed record AttendedEvent(int Id, string Title, PartialDate Start, PartialDate End, EventType Type, string Role);

public sealed record PersonStatement(int Id, int EventId, string EventTitle, string Text, Statements.StatementKind Kind, SourceRef? Source);

/// <summary>A person with one page of the events they attended and one of what they said, each in timeline order.</summary>
public sealed record PersonDetails(PersonSummary Person, PagedResult<AttendedEvent> Events, PagedResult<PersonStatement> Statements);

public sealed class ParticipantQueries(IDbContextFactory<DiplomacyDbContext> contextFactory, ReadCache cache)
{
    public Task<IReadOnlyList<PersonSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        cache.GetOrReadAsync("people", 0, () => ReadListAsync(cancellationToken));

    /// <summary>Events and statements shown a page at a time: Xi Jinping attends 52,000 of 1,000,000 events and says
    /// 120,000 things, which read whole took 11 s and made 100 MB of HTML.</summary>
    public const int PageSize = 50;

    public Task<PersonDetails?> GetAsync(string slug, int eventsPage = 1, int statementsPage = 1, CancellationToken cancellationToken = default)
    {
        eventsPage = Math.Max(1, eventsPage);
        statementsPage = Math.Max(1, statementsPage);
        return cache.GetOrReadAsync("person", (slug, eventsPage, statementsPage), () => ReadOneAsync(slug, eventsPage, statementsPage, cancellationToken));
    }

    private async Task<IReadOnlyList<PersonSummary>> ReadListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Summaries(db, db.People.OrderBy(p => p.NameEn)).ToListAsync(cancellationToken);
    }

    private async Task<PersonDetails?> ReadOneAsync(string slug, int eventsPage, int statementsPage, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var person = await Summaries(db, db.People.Where(p => p.Slug == slug)).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return null;
        }

        // The person's live events in timeline order are one range of EventFacets (the participant filter's index).
        var personKey = person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var eventIds = await db.EventFacets.AsNoTracking()
            .Where(f => f.Kind == FacetKind.Person && f.Value == personKey)
            .OrderBy(f => f.EventSortKey).ThenBy(f => f.EventId)
            .Skip((eventsPage - 1) * PageSize).Take(PageSize)
            .Select(f => f.EventId)
            .ToListAsync(cancellationToken);
        var attended = await db.EventParticipants.AsNoTracking()
            .Where(p => p.PersonId == person.Id && EF.Parameter(eventIds).Contains(p.EventId))
            .OrderBy(p => p.Event!.SortKey).ThenBy(p => p.EventId)
            .Select(p => new AttendedEvent(p.EventId, p.Event!.Title,
                new PartialDate { Precision = p.Event.Start.Precision, Year = p.Event.Start.Year, Month = p.Event.Start.Month, Day = p.Event.Start.Day, IsApproximate = p.Event.Start.IsApproximate },
                new PartialDate { Precision = p.Event.End.Precision, Year = p.Event.End.Year, Month = p.Event.End.Month, Day = p.Event.End.Day, IsApproximate = p.Event.End.IsApproximate },
                p.Event.Type, p.Role))
            .ToListAsync(cancellationToken);

        // Statements are sorted by their event's date: over all of one person's (120,000 at most at 1,000,000 events,
        // 0.15 s), as a speaker need not be a participant, so the participant range above cannot order them.
        var statements = await db.Statements.AsNoTracking()
            .Where(s => s.SpeakerId == person.Id)
            .OrderBy(s => s.Event!.SortKey).ThenBy(s => s.Id)
            .Skip((statementsPage - 1) * PageSize).Take(PageSize)
            .Select(s => new PersonStatement(
                s.Id, s.EventId, s.Event!.Title, s.Text, s.Kind,
                s.Source == null ? null : new SourceRef(s.Source.Id, s.Source.Title, s.Source.Outlet,
                    new PartialDate { Precision = s.Source.PublishedOn.Precision, Year = s.Source.PublishedOn.Year, Month = s.Source.PublishedOn.Month, Day = s.Source.PublishedOn.Day, IsApproximate = s.Source.PublishedOn.IsApproximate },
                    s.Source.Url, s.Source.TitleIsEditorial)))
            .ToListAsync(cancellationToken);
        return new PersonDetails(
            person,
            new PagedResult<AttendedEvent>(attended, person.EventCount, eventsPage, PageSize),
            new PagedResult<PersonStatement>(statements, person.StatementCount, statementsPage, PageSize));
    }

    // Filters go in before the projection: EF cannot translate a Where on a constructed record.
    private static IQueryable<PersonSummary> Summaries(DiplomacyDbContext db, IQueryable<Person> people)
    {
        // Both counts are kept per person (FilterCounts, in each write's transaction): a lookup each, where counting
        // 10,000,000 statements took seconds.
        return people.AsNoTracking().Select(p => new PersonSummary(
            p.Id, p.Slug, p.NameEn, p.NameZh, p.NameRu, p.Country, p.Description,
            db.FilterCounts.Where(c => c.Kind == FacetKind.Person && c.Value == p.Id.ToString()).Select(c => c.Count).FirstOrDefault(),
            db.FilterCounts.Where(c => c.Kind == FacetKind.StatementsBy && c.Value == p.Id.ToString()).Select(c => c.Count).FirstOrDefault()));
    }
}
