using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Web.Features.Timeline;

namespace DiplomacyTracker.ComponentTests.Timeline;

public sealed class TimelineSectionTests : MudTestContext
{
    private static readonly CountedValue[] Years =
    [
        new("2013", "2013", 1),
        new("2019", "2019", 5),
        new("2024", "2024", 2),
        new(EventStatistics.UnknownYear, "Date unknown", 1),
    ];

    [Fact]
    public void Each_year_links_to_the_page_where_its_first_event_is_with_the_filters_kept()
    {
        var cut = Render<YearJumpList>(p => p
            .Add(c => c.Years, Years)
            .Add(c => c.Filter, new EventFilter { Venue = "Moscow" })
            .Add(c => c.PageSize, 3));

        var links = cut.FindAll("nav[aria-label='Go to a year'] a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        // 1 event before 2019 (page 1), 6 before 2024 (page 3), 8 before the undated one (page 3); the page size is kept.
        Assert.Equal(
            [
                ("2013 (1)", "/?venue=Moscow&pageSize=3#year-2013"),
                ("2019 (5)", "/?venue=Moscow&pageSize=3#year-2019"),
                ("2024 (2)", "/?venue=Moscow&page=3&pageSize=3#year-2024"),
                ("Date unknown (1)", "/?venue=Moscow&page=3&pageSize=3#year-unknown"),
            ],
            links);
    }

    [Fact]
    public void A_single_year_needs_no_jump_list()
    {
        var cut = Render<YearJumpList>(p => p.Add(c => c.Years, Years[..1]).Add(c => c.Filter, new EventFilter()).Add(c => c.PageSize, 50));
        Assert.Empty(cut.FindAll("nav"));
    }

    [Fact]
    public void A_choice_that_matches_nothing_shows_a_zero_and_is_marked_as_such()
    {
        var zero = Render<FacetCount>(p => p.Add(c => c.Count, 0));
        Assert.Equal("(0)", zero.Find("span").TextContent.Trim());
        Assert.Contains("is-zero", zero.Find("span").ClassList);

        var unknown = Render<FacetCount>(p => p.Add(c => c.Count, null));
        Assert.Empty(unknown.Markup.Trim());
    }
}
