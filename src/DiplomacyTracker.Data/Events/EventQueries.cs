using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Places;
using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Data.Events;

/// <summary>
/// Read side of events: filtering, paging and details. Each call opens and disposes its own context. Answers are
/// kept in the <see cref="ReadCache"/> until the next write: most readers ask the same few pages.
/// </summary>
public sealed class EventQueries(IDbContextFactory<DiplomacyDbContext> contextFactory, NameIndex nameIndex, ReadCache cache)
{
    public const string XiSlug = "xi-jinping";
    public const string PutinSlug = "vladimir-putin";

    public Task<PagedResult<EventSummary>> SearchAsync(EventFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, EventFilter.MaxPageSize);
        return cache.GetOrReadAsync("events", (filter, page, pageSize), () => ReadPageAsync(filter, page, pageSize, cancellationToken));
    }

    public Task<EventDetails?> GetAsync(int id, CancellationToken cancellationToken = default) =>
        cache.GetOrReadAsync("event", id, () => ReadDetailsAsync(id, cancellationToken));

    /// <summary>
    /// One event as GET /api/events/{id} returns it: its details with <see cref="EventDetails.Edit"/> (the write API's
    /// shape) made from them, so the draft and the version (what PUT and PATCH compare If-Match with) come from the same
    /// read. Kept until the next write like every read. The draft in a kept answer is shared by every request that
    /// reads it, so it is only for serialising: a caller that changes a draft takes its own from
    /// <see cref="Editing.EventCommands.GetForEditAsync"/>.
    /// </summary>
    public Task<EventDetails?> GetWithEditAsync(int id, CancellationToken cancellationToken = default) =>
        cache.GetOrReadAsync("event-with-edit", id, async () =>
            await ReadDetailsAsync(id, cancellationToken) is { } details
                ? details with { Edit = Editing.EventCommands.ToDraft(details) }
                : null);

    public Task<FilterChoices> GetFilterChoicesAsync(CancellationToken cancellationToken = default) =>
        cache.GetOrReadAsync("choices", 0, () => ReadFilterChoicesAsync(cancellationToken));

    private async Task<PagedResult<EventSummary>> ReadPageAsync(EventFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        var names = await nameIndex.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var found = await TimelineIndex.ReadAsync(db, FilterPlan.For(filter, names), (page - 1) * pageSize, pageSize, cancellationToken);
        if (found.Ids.Count == 0)
        {
            return new PagedResult<EventSummary>([], found.Total, page, pageSize, found.TotalIsExact);
        }

        // The split queries below load legs, participants and topics of the page's ids by primary key.
        var items = await LoadSummariesAsync(db, found.Ids.ToList(), cancellationToken);
        if (filter.XiPutinOnly && !string.IsNullOrWhiteSpace(filter.Venue))
        {
            // The card says where they met in the venue asked for (Beijing, not Harbin).
            var (city, country) = names.Venue(filter.Venue);
            items = items.Select(s => s with
            {
                XiPutinLegs = s.XiPutinLegs.Where(position => s.Legs.Any(l => l.Position == position
                    && (string.Equals(l.City, city, StringComparison.OrdinalIgnoreCase) || string.Equals(l.Country, country, StringComparison.OrdinalIgnoreCase)))).ToList(),
            }).ToList();
        }

        return new PagedResult<EventSummary>(items, found.Total, page, pageSize, found.TotalIsExact);
    }

    /// <summary>The timeline's lines for the given events, in timeline order (shared by the pages and the exports).</summary>
    /// <remarks>
    /// Four flat reads by the page's ids, each in the order it is shown (the database's collation): the events (with
    /// their statement and source counts), their legs (each with whether Xi, Putin or anyone is recorded as attending
    /// it, as subqueries by primary key), their participants and their topics. Where Xi and Putin met is worked out
    /// from those legs in memory (<see cref="MetAt"/>) rather than from every leg Xi attended, which cost 28 ms a page
    /// at 100,000 events. The ids go as one JSON parameter, so each statement's SQL is made once: with one parameter
    /// per id, and a split query over navigations, EF Core's work cost more than the SQL (docs/performance.md).
    /// </remarks>
    internal static async Task<List<EventSummary>> LoadSummariesAsync(DiplomacyDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var idList = ids as List<int> ?? ids.ToList();
        // Without the query filters the statement count is one index range per event: the filter would join each
        // statement back to its (already live) event. The dates are read as their columns: projecting the complex
        // property itself makes EF Core read and build the whole entity (every column, the summary included).
        var events = await db.Events.AsNoTracking().IgnoreQueryFilters()
            .Where(e => !e.IsDeleted && EF.Parameter(idList).Contains(e.Id))
            .OrderBy(e => e.SortKey).ThenBy(e => e.Id)
            .Select(e => new EventRow(e.Id, e.Title, e.Type, e.Status,
                new PartialDate { Precision = e.Start.Precision, Year = e.Start.Year, Month = e.Start.Month, Day = e.Start.Day, IsApproximate = e.Start.IsApproximate },
                new PartialDate { Precision = e.End.Precision, Year = e.End.Year, Month = e.End.Month, Day = e.End.Day, IsApproximate = e.End.IsApproximate },
                e.HostSide, e.IsMentionedOnly, e.Statements.Count, e.Sources.Count))
            .ToListAsync(cancellationToken);
        var legs = (await db.EventLegs.AsNoTracking().IgnoreQueryFilters()
            .Where(l => EF.Parameter(idList).Contains(l.EventId))
            .OrderBy(l => l.Position)
            .Select(l => new LegRow(
                l.EventId,
                new LegSummary(l.Position, l.City, l.Country, l.Site,
                    new PartialDate { Precision = l.Start.Precision, Year = l.Start.Year, Month = l.Start.Month, Day = l.Start.Day, IsApproximate = l.Start.IsApproximate },
                    new PartialDate { Precision = l.End.Precision, Year = l.End.Year, Month = l.End.Month, Day = l.End.Day, IsApproximate = l.End.IsApproximate }),
                l.Attendees.Any(),
                l.Attendees.Any(a => a.Slug == XiSlug),
                l.Attendees.Any(a => a.Slug == PutinSlug)))
            .ToListAsync(cancellationToken))
            .ToLookup(l => l.EventId);
        var participants = (await db.EventParticipants.AsNoTracking().IgnoreQueryFilters()
            .Where(p => EF.Parameter(idList).Contains(p.EventId))
            .OrderBy(p => p.Person!.Country).ThenBy(p => p.Person!.NameEn)
            .Select(p => new { p.EventId, View = new ParticipantView(new PersonRef(p.PersonId, p.Person!.Slug, p.Person.NameEn, p.Person.Country), p.Role) })
            .ToListAsync(cancellationToken))
            .ToLookup(p => p.EventId, p => p.View);
        var topics = (await db.Set<Dictionary<string, object>>("EventTopics").AsNoTracking()
            .Where(et => EF.Parameter(idList).Contains(EF.Property<int>(et, "EventId")))
            .Join(db.Topics, et => EF.Property<int>(et, "TopicsId"), t => t.Id, (et, t) => new { EventId = EF.Property<int>(et, "EventId"), t.Slug, t.Name })
            .OrderBy(t => t.Name)
            .ToListAsync(cancellationToken))
            .ToLookup(t => t.EventId, t => new TopicView(t.Slug, t.Name));

        return events.ConvertAll(e =>
        {
            var people = participants[e.Id].ToList();
            var bothTookPart = people.Any(p => p.Person.Slug == XiSlug) && people.Any(p => p.Person.Slug == PutinSlug);
            var eventLegs = legs[e.Id].ToList();
            return new EventSummary(
                e.Id, e.Title, e.Type, e.Status, e.Start, e.End, e.HostSide, e.IsMentionedOnly,
                eventLegs.Count == 0 ? bothTookPart : eventLegs.Any(l => MetAt(l, bothTookPart)),
                eventLegs.ConvertAll(l => l.Leg),
                people,
                topics[e.Id].ToList(),
                e.StatementCount,
                e.SourceCount)
            {
                XiPutinLegs = eventLegs.Where(l => MetAt(l, bothTookPart)).Select(l => l.Leg.Position).ToList(),
            };
        });
    }

    // The filter's rule (XiPutinLegs): they met at a leg both attended, or at a leg with no attendees recorded of an
    // event both took part in.
    private static bool MetAt(LegRow leg, bool bothTookPart) =>
        leg.HasAttendees ? leg.XiAttended && leg.PutinAttended : bothTookPart;

    private sealed record EventRow(int Id, string Title, EventType Type, EventStatus Status, PartialDate Start, PartialDate End,
        Side HostSide, bool IsMentionedOnly, int StatementCount, int SourceCount);

    private sealed record LegRow(int EventId, LegSummary Leg, bool HasAttendees, bool XiAttended, bool PutinAttended);

    private async Task<EventDetails?> ReadDetailsAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // Dates are read as their columns: projecting the complex property makes EF Core read the whole row, for a
        // source its article text included, for every statement and document that cites it.
        var details = await db.Events.AsNoTracking()
            .Where(e => e.Id == id)
            .Select(e => new EventDetails(
                e.Id,
                e.Title,
                e.Type,
                e.Status,
                new PartialDate { Precision = e.Start.Precision, Year = e.Start.Year, Month = e.Start.Month, Day = e.Start.Day, IsApproximate = e.Start.IsApproximate },
                new PartialDate { Precision = e.End.Precision, Year = e.End.Year, Month = e.End.Month, Day = e.End.Day, IsApproximate = e.End.IsApproximate },
                e.DateNote,
                e.Summary,
                e.HostSide,
                e.IsMentionedOnly,
                e.Participants.Any(p => p.Person!.Slug == XiSlug) && e.Participants.Any(p => p.Person!.Slug == PutinSlug),
                e.Version,
                e.CreatedAt,
                e.UpdatedAt,
                e.Legs.OrderBy(l => l.Position).Select(l => new LegView(
                    l.Position, l.City, l.Country, l.Site, l.Start, l.End,
                    l.Attendees.OrderBy(a => a.NameEn).Select(a => new PersonRef(a.Id, a.Slug, a.NameEn, a.Country)).ToList())).ToList(),
                e.Participants.OrderBy(p => p.Person!.Country).ThenBy(p => p.Person!.NameEn)
                    .Select(p => new ParticipantView(new PersonRef(p.PersonId, p.Person!.Slug, p.Person.NameEn, p.Person.Country), p.Role)).ToList(),
                e.Topics.OrderBy(t => t.Name).Select(t => new TopicView(t.Slug, t.Name)).ToList(),
                e.Statements.OrderBy(s => s.SourceId).ThenBy(s => s.SourceOffset).ThenBy(s => s.Id).Select(s => new StatementView(
                    s.Id,
                    s.Speaker == null ? null : new PersonRef(s.Speaker.Id, s.Speaker.Slug, s.Speaker.NameEn, s.Speaker.Country),
                    s.Attribution,
                    s.Kind,
                    s.Text,
                    s.Source == null ? null : new SourceRef(s.Source.Id, s.Source.Title, s.Source.Outlet,
                        new PartialDate { Precision = s.Source.PublishedOn.Precision, Year = s.Source.PublishedOn.Year, Month = s.Source.PublishedOn.Month, Day = s.Source.PublishedOn.Day, IsApproximate = s.Source.PublishedOn.IsApproximate },
                        s.Source.Url, s.Source.TitleIsEditorial),
                    s.SourceOffset,
                    s.Topics.OrderBy(t => t.Name).Select(t => new TopicView(t.Slug, t.Name)).ToList())).ToList(),
                e.Documents.OrderBy(d => d.Id).Select(d => new DocumentView(
                    d.Id, d.Title, d.Kind, d.Summary,
                    d.Source == null ? null : new SourceRef(d.Source.Id, d.Source.Title, d.Source.Outlet,
                        new PartialDate { Precision = d.Source.PublishedOn.Precision, Year = d.Source.PublishedOn.Year, Month = d.Source.PublishedOn.Month, Day = d.Source.PublishedOn.Day, IsApproximate = d.Source.PublishedOn.IsApproximate },
                        d.Source.Url, d.Source.TitleIsEditorial))).ToList(),
                e.Sources.OrderBy(s => s.Id).Select(s => new SourceRef(s.Id, s.Title, s.Outlet,
                    new PartialDate { Precision = s.PublishedOn.Precision, Year = s.PublishedOn.Year, Month = s.PublishedOn.Month, Day = s.PublishedOn.Day, IsApproximate = s.PublishedOn.IsApproximate },
                    s.Url, s.TitleIsEditorial)).ToList(),
                null,
                null,
                null))
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        if (details is null)
        {
            return null;
        }

        var sortKey = details.Start.SortKey;
        var previous = await db.Events.AsNoTracking()
            .Where(e => e.SortKey < sortKey || (e.SortKey == sortKey && e.Id < id))
            .OrderByDescending(e => e.SortKey).ThenByDescending(e => e.Id)
            .Select(e => new EventNeighbour(e.Id, e.Title, new PartialDate { Precision = e.Start.Precision, Year = e.Start.Year, Month = e.Start.Month, Day = e.Start.Day, IsApproximate = e.Start.IsApproximate }))
            .FirstOrDefaultAsync(cancellationToken);
        var next = await db.Events.AsNoTracking()
            .Where(e => e.SortKey > sortKey || (e.SortKey == sortKey && e.Id > id))
            .OrderBy(e => e.SortKey).ThenBy(e => e.Id)
            .Select(e => new EventNeighbour(e.Id, e.Title, new PartialDate { Precision = e.Start.Precision, Year = e.Start.Year, Month = e.Start.Month, Day = e.Start.Day, IsApproximate = e.Start.IsApproximate }))
            .FirstOrDefaultAsync(cancellationToken);
        return details with { Previous = previous, Next = next };
    }

    private async Task<FilterChoices> ReadFilterChoicesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var known = db.Events.AsNoTracking().Where(e => e.SortKey < PartialDate.Unknown.SortKey);
        var minKey = await known.MinAsync(e => (int?)e.SortKey, cancellationToken);
        var maxKey = await known.MaxAsync(e => (int?)e.SortKey, cancellationToken);
        // Venues and people with a live event on record, from the kept counts (picking anyone else would list nothing).
        var venues = await db.FilterCounts.AsNoTracking()
            .Where(c => c.Kind == FacetKind.Venue && c.Count > 0)
            .Select(c => c.Value)
            .ToListAsync(cancellationToken);
        var attended = db.FilterCounts.Where(c => c.Kind == FacetKind.Person && c.Count > 0).Select(c => c.Value);
        var people = await db.People.AsNoTracking()
            .Where(p => attended.Contains(p.Id.ToString()))
            .OrderBy(p => p.NameEn)
            .Select(p => new PersonRef(p.Id, p.Slug, p.NameEn, p.Country))
            .ToListAsync(cancellationToken);
        var topics = await db.Topics.AsNoTracking().OrderBy(t => t.Name).Select(t => new TopicView(t.Slug, t.Name)).ToListAsync(cancellationToken);
        return new FilterChoices(minKey / 10000, maxKey / 10000, venues.Order(StringComparer.OrdinalIgnoreCase).ToList(), people, topics);
    }

    private static IQueryable<int> ParticipantEvents(DiplomacyDbContext db, string slug) =>
        db.EventParticipants.IgnoreQueryFilters().Where(p => p.Person!.Slug == slug).Select(p => p.EventId);

    // Events Xi and Putin both took part in (through IX_EventParticipants_PersonId_EventId for each).
    private static IQueryable<int> BothTookPart(DiplomacyDbContext db)
    {
        var withPutin = ParticipantEvents(db, PutinSlug);
        return ParticipantEvents(db, XiSlug).Where(id => withPutin.Contains(id));
    }

    /// <summary>
    /// Ids of the legs Xi and Putin both attended. A leg with no attendees on record counts as attended by the event's
    /// participants (older records list people per event only). Starts from the two people, through the indexes on
    /// LegAttendees(PersonId) and EventParticipants(PersonId, EventId), never from all legs.
    /// </summary>
    internal static IQueryable<int> XiPutinLegs(DiplomacyDbContext db)
    {
        var attendance = db.Set<Dictionary<string, object>>("LegAttendees");
        IQueryable<int> Attended(string slug) => attendance
            .Where(a => db.People.Where(p => p.Slug == slug).Select(p => p.Id).Contains(EF.Property<int>(a, "PersonId")))
            .Select(a => EF.Property<int>(a, "LegId"));
        var (xiLegs, putinLegs) = (Attended(XiSlug), Attended(PutinSlug));
        var both = BothTookPart(db);
        var unrecorded = db.EventLegs.IgnoreQueryFilters()
            .Where(l => both.Contains(l.EventId) && !attendance.Any(a => EF.Property<int>(a, "LegId") == l.Id))
            .Select(l => l.Id);
        return xiLegs.Where(id => putinLegs.Contains(id)).Union(unrecorded);
    }
}
