using System.Runtime.CompilerServices;
using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Places;
using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Data.Events;

/// <summary>
/// Every event a filter matches, in timeline order, for the CSV, JSON and calendar exports. Read in keyset batches
/// (SortKey, Id) with a short-lived context per batch, so an export of 100,000 events holds one batch at a time and
/// no connection stays open while the caller writes.
/// </summary>
public sealed class EventExports(IDbContextFactory<DiplomacyDbContext> contextFactory, NameIndex nameIndex, int batchSize = EventExports.DefaultBatchSize)
{
    public const int DefaultBatchSize = 500;

    /// <summary>Tag on each batch's first query (it shows in the SQL logs, and lets tests watch batches happen).</summary>
    public const string BatchQueryTag = "Export batch";

    public async IAsyncEnumerable<EventExportItem> StreamAsync(EventFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        (int SortKey, int Id)? after = null;
        while (true)
        {
            var batch = await ReadBatchAsync(filter, after, cancellationToken);
            foreach (var item in batch)
            {
                yield return item;
            }

            if (batch.Count < batchSize)
            {
                yield break;
            }

            var last = batch[^1].Event;
            after = (last.Start.SortKey, last.Id);
        }
    }

    /// <summary>How many matching events have no known date (a calendar cannot place them, so it says how many it left out).</summary>
    public async Task<int> CountUndatedAsync(EventFilter filter, CancellationToken cancellationToken = default)
    {
        var names = await nameIndex.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var unknown = PartialDate.Unknown.SortKey;
        return await FilterPlan.For(filter, names).Apply(db, db.Events.AsNoTracking()).CountAsync(e => e.SortKey == unknown, cancellationToken);
    }

    private async Task<List<EventExportItem>> ReadBatchAsync(EventFilter filter, (int SortKey, int Id)? after, CancellationToken cancellationToken)
    {
        var names = await nameIndex.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = FilterPlan.For(filter, names).Apply(db, db.Events.AsNoTracking());
        if (after is { } a)
        {
            query = query.Where(e => e.SortKey > a.SortKey || (e.SortKey == a.SortKey && e.Id > a.Id));
        }

        // The batch's ids first, so the filter runs once per batch (as the timeline's page query does).
        var ids = await query
            .TagWith(BatchQueryTag)
            .OrderBy(e => e.SortKey).ThenBy(e => e.Id)
            .Take(batchSize)
            .Select(e => e.Id)
            .ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }

        var summaries = await EventQueries.LoadSummariesAsync(db, ids, cancellationToken);
        var extras = await db.Events.AsNoTracking()
            .Where(e => ids.Contains(e.Id))
            .Select(e => new
            {
                e.Id,
                e.Summary,
                e.DateNote,
                e.UpdatedAt,
                e.ExternalKey,
                // The date as its columns: the complex property itself would read each source whole, its article too.
                Sources = e.Sources.OrderBy(x => x.Id).Select(x => new SourceExport(x.Title, x.Url, x.Outlet,
                    new PartialDate { Precision = x.PublishedOn.Precision, Year = x.PublishedOn.Year, Month = x.PublishedOn.Month, Day = x.PublishedOn.Day, IsApproximate = x.PublishedOn.IsApproximate })).ToList(),
                // The same order as EventSummary.Participants, so the names line up with it.
                Names = e.Participants.OrderBy(p => p.Person!.Country).ThenBy(p => p.Person!.NameEn)
                    .Select(p => new PersonNames(p.PersonId, p.Person!.NameEn, p.Person.NameZh, p.Person.NameRu)).ToList(),
                Legs = e.Legs.OrderBy(l => l.Position)
                    .Select(l => new LegAttendees(l.Position, l.Attendees.OrderBy(a => a.NameEn).Select(a => new PersonNames(a.Id, a.NameEn, a.NameZh, a.NameRu)).ToList()))
                    .ToList(),
            })
            .AsSplitQuery()
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        return summaries.ConvertAll(s =>
        {
            var x = extras[s.Id];
            return new EventExportItem(s, x.Summary, x.DateNote, x.UpdatedAt, x.Names, x.Legs, x.ExternalKey, x.Sources);
        });
    }
}
