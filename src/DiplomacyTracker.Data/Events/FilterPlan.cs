using System.Globalization;
using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Places;
using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Data.Events;

/// <summary>One filter condition as <see cref="EventFacet"/> rows read it: the event has one of these values of this kind.</summary>
public sealed record FacetCondition(string Kind, IReadOnlyList<string> Values);

/// <summary>
/// An <see cref="EventFilter"/> with its names resolved (Пекин → Beijing, "Putin" → a person id, search words widened to
/// their other scripts), as the indexes read it: facet conditions, a SortKey range, a full-text match. Pure: the one
/// place the filter's meaning is spelled out, for the paged reads (<see cref="TimelineIndex"/>) and the exact counts.
/// </summary>
public sealed record FilterPlan(IReadOnlyList<FacetCondition> Facets, int? FromKey, int? ToKey, TextQuery? TextMatch, bool MatchesNothing)
{
    public bool HasRange => FromKey is not null || ToKey is not null;

    public bool IsEmpty => Facets.Count == 0 && !HasRange && TextMatch is null && !MatchesNothing;

    public static FilterPlan For(EventFilter filter, Names names)
    {
        var facets = new List<FacetCondition>();
        var unknownKey = PartialDate.Unknown.SortKey;
        // Events file under the year they start; an unknown date (SortKey 99999999) is in no year range.
        int? fromKey = filter.YearFrom is { } from ? from * 10000 : null;
        int? toKey = filter.YearTo is { } to ? (to * 10000) + 9999 : fromKey is not null ? unknownKey - 1 : null;

        if (!string.IsNullOrWhiteSpace(filter.Venue))
        {
            // The venue is where they met when only Xi–Putin meetings are asked for.
            var (city, country) = names.Venue(filter.Venue);
            facets.Add(new FacetCondition(
                filter.XiPutinOnly ? FacetKind.XiPutinVenue : FacetKind.Venue,
                new[] { city, country }.Distinct(StringComparer.OrdinalIgnoreCase).ToList()));
        }
        else if (filter.XiPutinOnly)
        {
            facets.Add(new FacetCondition(FacetKind.XiPutin, [string.Empty]));
        }

        var matchesNothing = false;
        if (!string.IsNullOrWhiteSpace(filter.Participant))
        {
            var people = names.PeopleNamed(filter.Participant).Select(p => p.Id.ToString(CultureInfo.InvariantCulture)).ToList();
            matchesNothing = people.Count == 0;
            facets.Add(new FacetCondition(FacetKind.Person, people));
        }

        if (filter.Type is { } type)
        {
            facets.Add(new FacetCondition(FacetKind.Type, [((int)type).ToString(CultureInfo.InvariantCulture)]));
        }

        if (!string.IsNullOrWhiteSpace(filter.Topic))
        {
            facets.Add(new FacetCondition(FacetKind.Topic, [filter.Topic.Trim()]));
        }

        return new FilterPlan(facets, fromKey, toKey, FullTextQuery.Compile(filter.Text, names.AlsoKnownAs), matchesNothing);
    }

    /// <summary>
    /// The events this plan matches, as a filter on any query of events: for the exact counts, the overview, the map and
    /// the exports, which read every match anyway. Each condition is an IN over one index range of EventFacets (or the
    /// full-text index), so the engine starts from the smaller set.
    /// </summary>
    internal IQueryable<Event> Apply(DiplomacyDbContext db, IQueryable<Event> query)
    {
        query = query.Where(e => !e.IsDeleted);
        if (MatchesNothing)
        {
            return query.Where(e => false);
        }

        if (FromKey is { } fromKey)
        {
            query = query.Where(e => e.SortKey >= fromKey);
        }

        if (ToKey is { } toKey)
        {
            query = query.Where(e => e.SortKey <= toKey);
        }

        foreach (var facet in Facets)
        {
            var (kind, values) = (facet.Kind, facet.Values);
            var events = values.Count == 1
                ? db.EventFacets.Where(f => f.Kind == kind && f.Value == values[0]).Select(f => f.EventId)
                : db.EventFacets.Where(f => f.Kind == kind && values.Contains(f.Value)).Select(f => f.EventId);
            query = query.Where(e => events.Contains(e.Id));
        }

        if (TextMatch is { } match)
        {
            var ids = TextSearch.Keys(db, match).Select(k => (int)(k % DerivedTables.OrderKeyFactor));
            query = query.Where(e => ids.Contains(e.Id));
        }

        return query;
    }
}
