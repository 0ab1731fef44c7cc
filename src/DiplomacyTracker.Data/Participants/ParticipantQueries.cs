using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Events;
using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Data.Participants;

public sealed record PersonSummary(int Id, string Slug, string NameEn, string? NameZh, string? NameRu, Side Country, string? Description, int EventCount, int StatementCount);

public sealed record AttendedEvent(int Id, string Title, PartialDate Start, PartialDate End, EventType Type, string Role);

public sealed record PersonStatement(int Id, int EventId, string EventTitle, string Text, Statements.StatementKind Kind, SourceRef? Source);

public sealed record PersonDetails(PersonSummary Person, IReadOnlyList<AttendedEvent> Events, IReadOnlyList<PersonStatement> Statements);

public sealed class ParticipantQueries(IDbContextFactory<DiplomacyDbContext> contextFactory, ReadCache cache)
{
    public Task<IReadOnlyList<PersonSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        cache.GetOrReadAsync("people", 0, () => ReadListAsync(cancellationToken));

    public Task<PersonDetails?> GetAsync(string slug, CancellationToken cancellationToken = default) =>
        cache.GetOrReadAsync("person", slug, () => ReadOneAsync(slug, cancellationToken));

    private async Task<IReadOnlyList<PersonSummary>> ReadListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Summaries(db, db.People.OrderBy(p => p.NameEn)).ToListAsync(cancellationToken);
    }

    private async Task<PersonDetails?> ReadOneAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var person = await Summaries(db, db.People.Where(p => p.Slug == slug)).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return null;
        }

        var events = await db.EventParticipants.AsNoTracking()
            .Where(p => p.PersonId == person.Id && !p.Event!.IsDeleted)
            .OrderBy(p => p.Event!.SortKey).ThenBy(p => p.EventId)
            .Select(p => new AttendedEvent(p.EventId, p.Event!.Title, p.Event.Start, p.Event.End, p.Event.Type, p.Role))
            .ToListAsync(cancellationToken);
        var statements = await db.Statements.AsNoTracking()
            .Where(s => s.SpeakerId == person.Id)
            .OrderBy(s => s.Event!.SortKey).ThenBy(s => s.Id)
            .Select(s => new PersonStatement(
                s.Id, s.EventId, s.Event!.Title, s.Text, s.Kind,
                s.Source == null ? null : new SourceRef(s.Source.Id, s.Source.Title, s.Source.Outlet, s.Source.PublishedOn, s.Source.Url, s.Source.TitleIsEditorial)))
            .ToListAsync(cancellationToken);
        return new PersonDetails(person, events, statements);
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
