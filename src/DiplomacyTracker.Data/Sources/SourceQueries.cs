using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Events;
using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Data.Sources;

public sealed record SourceSummary(int Id, string Title, bool TitleIsEditorial, string? Outlet, string? ReportsFrom, string? Url, PartialDate PublishedOn, string? Notes, int EventCount, int StatementCount);

public sealed record SourceEvent(int Id, string Title, PartialDate Start);

public sealed record SourceQuote(int Id, int EventId, string Text, int? Offset, string? Speaker);

public sealed record SourceDetails(SourceSummary Source, string Text, IReadOnlyList<SourceEvent> Events, IReadOnlyList<SourceQuote> Quotes);

public sealed class SourceQueries(IDbContextFactory<DiplomacyDbContext> contextFactory, ReadCache cache)
{
    /// <summary>Sources are listed a page at a time: at 1,000,000 events there are 50,000 of them, which read whole
    /// (each with its counts) took 20 s and made 23 MB of HTML.</summary>
    public const int PageSize = 50;

    public Task<PagedResult<SourceSummary>> ListAsync(int page = 1, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        return cache.GetOrReadAsync("sources", page, () => ReadListAsync(page, cancellationToken));
    }

    public Task<SourceDetails?> GetAsync(int id, CancellationToken cancellationToken = default) =>
        cache.GetOrReadAsync("source", id, () => ReadOneAsync(id, cancellationToken));

    private async Task<PagedResult<SourceSummary>> ReadListAsync(int page, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var total = await db.Sources.CountAsync(cancellationToken);
        var items = await Summaries(db, db.Sources.OrderBy(s => s.Id).Skip((page - 1) * PageSize).Take(PageSize)).ToListAsync(cancellationToken);
        return new PagedResult<SourceSummary>(items, total, page, PageSize);
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
        // From the source to its events (the join table's index by source), not every event asked whether it cites
        // this source: at 1,000,000 events that asking took 3 s.
        var events = await db.Sources.AsNoTracking()
            .Where(s => s.Id == id)
            .SelectMany(s => s.Events)
            .OrderBy(e => e.SortKey).ThenBy(e => e.Id)
            .Select(e => new SourceEvent(e.Id, e.Title,
                new PartialDate { Precision = e.Start.Precision, Year = e.Start.Year, Month = e.Start.Month, Day = e.Start.Day, IsApproximate = e.Start.IsApproximate }))
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
            s.Id, s.Title, s.TitleIsEditorial, s.Outlet, s.ReportsFrom, s.Url,
            // The date as its columns: projecting the complex property makes EF Core read the whole row, article included.
            new PartialDate { Precision = s.PublishedOn.Precision, Year = s.PublishedOn.Year, Month = s.PublishedOn.Month, Day = s.PublishedOn.Day, IsApproximate = s.PublishedOn.IsApproximate },
            s.Notes,
            s.Events.Count(e => !e.IsDeleted),
            db.Statements.Count(st => st.SourceId == s.Id)));
}
