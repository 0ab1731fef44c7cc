using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Events;

namespace DiplomacyTracker.Tests.Browse;

/// <summary>The filtered overview's counting, on events given directly (EventStatisticsTests checks it against the record).</summary>
public sealed class OverviewTallyTests
{
    private static readonly int Unknown = PartialDate.Unknown.SortKey;

    [Fact]
    public void Years_run_in_timeline_order_with_the_unknown_date_last_and_types_and_hosts_most_first()
    {
        var tally = new OverviewTally();
        tally.AddEvent(Unknown, EventType.Call, Side.China);
        tally.AddEvent(20240510, EventType.StateVisit, Side.Russia);
        tally.AddEvent(20190605, EventType.StateVisit, Side.Russia);
        tally.AddEvent(20240101, EventType.StateVisit, Side.China);

        Assert.Equal(4, tally.Total);
        Assert.Equal([("2019", 1), ("2024", 2), (EventStatistics.UnknownYear, 1)], tally.Years().Select(y => (y.Value, y.Count)));
        Assert.Equal("Date unknown", tally.Years()[^1].Label);
        Assert.Equal([("StateVisit", 3), ("Call", 1)], tally.Types().Select(t => (t.Value, t.Count)));
        Assert.Equal([("China", 2), ("Russia", 2)], tally.HostSides().Select(h => (h.Value, h.Count)));
    }

    [Fact]
    public void A_city_counts_a_visit_once_and_each_of_its_legs_and_a_country_counts_a_visit_once()
    {
        var tally = new OverviewTally();
        // Moscow, Kazan, Moscow again: one visit with three legs in one country.
        tally.AddLegs(1, 20240101, [("Moscow", "Russia", true), ("Kazan", "Russia", true), ("Moscow", "Russia", true)]);
        tally.AddLegs(2, 20240101, [("Moscow", "Russia", true)]);
        tally.AddLegs(3, 20240101, [("Beijing", "China", true)]);
        tally.AddLegs(4, 20240101, []);

        Assert.Equal(1, tally.MultiLegVisits);
        Assert.Equal([("Russia", 2), ("China", 1)], tally.Countries().Select(c => (c.Value, c.Count)));
        Assert.Equal(
            [("Moscow", "Russia", 2, 3), ("Beijing", "China", 1, 1), ("Kazan", "Russia", 1, 1)],
            tally.Cities().Select(c => (c.City, c.Country, c.Events, c.Legs)));
    }

    [Fact]
    public void Only_the_marked_legs_are_places_but_every_leg_makes_a_visit_multi_leg()
    {
        var tally = new OverviewTally();
        // With "only Xi–Putin meetings": they met in Beijing; the Shanghai leg is not where they met.
        tally.AddLegs(5, 20240101, [("Beijing", "China", true), ("Shanghai", "China", false)]);

        Assert.Equal(1, tally.MultiLegVisits);
        Assert.Equal([("Beijing", 1, 1)], tally.Cities().Select(c => (c.City, c.Events, c.Legs)));
        Assert.Equal([("China", 1)], tally.Countries().Select(c => (c.Value, c.Count)));
    }

    [Fact]
    public void People_and_pairs_count_each_event_once_most_first_ties_by_id()
    {
        var tally = new OverviewTally();
        tally.AddParticipants([1, 2, 3]);
        tally.AddParticipants([2, 1, 2]); // a person listed twice still takes part once
        tally.AddParticipants([3]);
        tally.AddParticipants([4, 1]);

        Assert.Equal([(1, 3), (2, 2), (3, 2)], tally.TopPeople(3));
        Assert.Equal([(1, 2, 2), (1, 3, 1)], tally.TopPairs(2));
        Assert.Equal(4, tally.TopPairs(10).Count); // 1+2, 1+3, 2+3, 1+4
    }

    [Fact]
    public void Places_that_differ_only_in_case_are_one_place_named_as_first_seen()
    {
        var tally = new OverviewTally();
        tally.AddLegs(6, 20240101, [("Moscow", "Russia", true)]);
        tally.AddLegs(7, 20240101, [("moscow", "russia", true), ("MOSCOW", "Russia", true)]);

        Assert.Equal([("Moscow", "Russia", 2, 3)], tally.Cities().Select(c => (c.City, c.Country, c.Events, c.Legs)));
        Assert.Equal([("Russia", 2)], tally.Countries().Select(c => (c.Value, c.Count)));
    }

    [Fact]
    public void The_latest_visits_with_several_legs_are_kept_newest_first_as_many_as_are_shown()
    {
        var tally = new OverviewTally(multiLegVisitsKept: 3);
        (string, string, bool)[] twoLegs = [("Moscow", "Russia", true), ("Kazan", "Russia", true)];
        tally.AddLegs(10, 20240510, twoLegs);
        tally.AddLegs(11, 20190605, twoLegs);
        tally.AddLegs(12, 20240510, twoLegs); // the same day as 10: the higher id is the later, as on the timeline
        tally.AddLegs(13, 20250101, [("Beijing", "China", true)]); // one leg: not a multi-leg visit
        tally.AddLegs(14, 20230301, twoLegs);

        Assert.Equal(4, tally.MultiLegVisits);
        Assert.Equal([12, 10, 14], tally.LatestMultiLegVisits);
    }
}
