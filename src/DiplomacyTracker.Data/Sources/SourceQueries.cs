using DiplomacyTracker.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Data.Sources;

public sealed record SourceSummary(int Id, string Title, bool TitleIsEditorial, string? Outlet, string? ReportsFrom, string? Url, PartialDate PublishedOn, string? Notes, int EventCount, int StatementCount);

public sealed record SourceEvent(int Id, string Title, PartialDate Start);

public sealed record SourceQuote(int Id, int EventId, string Text, int? Offset, string? Speaker);

public sealed record SourceDetails(SourceSummary Source, string Text, IReadOnlyList<SourceEvent> Events, IReadOnlyList<SourceQuote> Quotes);

public sealed class SourceQueries(IDbContextFactory<DiplomacyDbContext> contextFactory, ReadCache cache)
{
    public Task<IReadOnlyList<SourceSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        cache.GetOrReadAsync("sources", 0, () => ReadListAsync(cancellationToken));

    public Task<SourceDetails?> GetAsync(int id, CancellationToken cancellationToken = default) =>
        cache.GetOrReadAsync("source", id, () => ReadOneAsync(id, cancellationToken));

    private async Task<IReadOnlyList<SourceSummary>> ReadListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Summaries(db, db.Sources.OrderBy(s => s.Id)).ToListAsync(cancellationToken);
    }

    private async Task<SourceDetails?> ReadOneAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var summary = await Summaries(db, db.Sources.Where(s => s.Id == id)).SingleOrDefaultAsync(cancellationToken);
        if (summary is null)
        {
            return null;
        }

        var text = await db.Sources.AsNoTracking().Where(s => s.Id == id).Select(s => s.Text).SingleAsync(cancellationToken);
        var events = await db.Events.AsNoTracking()
            .Where(e => e.Sources.Any(s => s.Id == id))
            .OrderBy(e => e.SortKey)
            .Select(e => new SourceEvent(e.Id, e.Title, e.Start))
            .ToListAsync(cancellationToken);
        var quotes = await db.Statements.AsNoTracking()
            .Where(s => s.SourceId == id)
            .OrderBy(s => s.SourceOffset)
            .Select(s => new SourceQuote(s.Id, s.EventId, s.Text, s.SourceOffset, s.Speaker != null ? s.Speaker.NameEn : s.Attribution))
            .ToListAsync(cancellationToken);
        return new SourceDetails(summary, text, events, quotes);
    }

    // Filters go in before the projection: EF cannot translate a Where on a constructed record.
    private static IQueryable<SourceSummary> Summaries(DiplomacyDbContext db, IQueryable<Source> sources) =>
        sources.AsNoTracking().Select(s => new SourceSummary(
            s.Id, s.Title, s.TitleIsEditorial, s.Outlet, s.ReportsFrom, s.Url, s.PublishedOn, s.Notes,
            s.Events.Count(e => !e.IsDeleted),
            db.Statements.Count(st => st.SourceId == s.Id)));
}
