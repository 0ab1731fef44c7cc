using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Web.Features.Shared;
using DiplomacyTracker.Web.Features.Timeline;

namespace DiplomacyTracker.ComponentTests.Shared;

public sealed class ListPagerTests : MudTestContext
{
    [Theory]
    [InlineData(1, 1, "1")]
    [InlineData(1, 3, "1 2 3")]
    [InlineData(1, 10, "1 2 … 10")]
    [InlineData(4, 10, "1 2 3 4 5 … 10")]
    [InlineData(5, 10, "1 … 4 5 6 … 10")]
    [InlineData(10, 10, "1 … 9 10")]
    [InlineData(250, 20_000, "1 … 249 250 251 … 20000")]
    public void The_window_shows_the_first_and_last_pages_and_the_current_ones_neighbours(int page, int pages, string expected) =>
        Assert.Equal(expected, string.Join(' ', ListPager.PageWindow(page, pages, lastIsKnown: true).Select(n => n?.ToString() ?? "…")));

    [Fact]
    public void While_the_total_is_a_lower_bound_the_last_page_is_not_offered() =>
        Assert.Equal("1 … 4 5 6", string.Join(' ', ListPager.PageWindow(5, 6, lastIsKnown: false).Select(n => n?.ToString() ?? "…")));

    [Fact]
    public void Every_page_is_a_link_to_its_address_and_the_current_one_is_marked()
    {
        var cut = Render<ListPager>(p => p
            .Add(c => c.Label, "Pages of sources")
            .Add(c => c.Page, 5)
            .Add(c => c.PageCount, 10)
            .Add(c => c.PageHref, page => $"/sources?page={page}"));

        var links = cut.FindAll("nav[aria-label='Pages of sources'] a")
            .Select(a => (a.GetAttribute("aria-label"), a.GetAttribute("href")))
            .ToList();
        Assert.Equal(
            [
                ("First page", "/sources?page=1"),
                ("Previous page", "/sources?page=4"),
                ("Page 1", "/sources?page=1"),
                ("Page 4", "/sources?page=4"),
                ("Page 5", "/sources?page=5"),
                ("Page 6", "/sources?page=6"),
                ("Page 10", "/sources?page=10"),
                ("Next page", "/sources?page=6"),
                ("Last page", "/sources?page=10"),
            ],
            links);
        Assert.Equal("Page 5", cut.Find("a[aria-current=page]").GetAttribute("aria-label"));
        Assert.Contains("Page 5 of 10", cut.Find("nav").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void On_the_first_page_there_is_no_way_back_and_on_the_last_none_on()
    {
        Func<int, string> href = page => $"/?page={page}";
        var first = Render<ListPager>(p => p.Add(c => c.Label, "Pages").Add(c => c.Page, 1).Add(c => c.PageCount, 3).Add(c => c.PageHref, href));
        Assert.Empty(first.FindAll("a[aria-label='First page'], a[aria-label='Previous page']"));
        Assert.Equal("/?page=2", first.Find("a[aria-label='Next page']").GetAttribute("href"));

        var last = Render<ListPager>(p => p.Add(c => c.Label, "Pages").Add(c => c.Page, 3).Add(c => c.PageCount, 3).Add(c => c.PageHref, href));
        Assert.Empty(last.FindAll("a[aria-label='Next page'], a[aria-label='Last page']"));
        Assert.Equal("/?page=2", last.Find("a[aria-label='Previous page']").GetAttribute("href"));
    }

    [Fact]
    public void Past_the_last_page_the_way_back_leads_to_the_last_page()
    {
        var cut = Render<ListPager>(p => p.Add(c => c.Label, "Pages").Add(c => c.Page, 9).Add(c => c.PageCount, 4).Add(c => c.PageHref, page => $"/?page={page}"));
        Assert.Equal("/?page=4", cut.Find("a[aria-label='Previous page']").GetAttribute("href"));
        Assert.Empty(cut.FindAll("a[aria-label='Next page'], a[aria-current]"));
    }

    [Fact]
    public void A_single_page_needs_no_pager()
    {
        var cut = Render<ListPager>(p => p.Add(c => c.Label, "Pages").Add(c => c.Page, 1).Add(c => c.PageCount, 1).Add(c => c.PageHref, page => "/"));
        Assert.Empty(cut.FindAll("nav"));
    }

    [Fact]
    public void The_timelines_pages_keep_the_filters_and_the_page_size_and_offer_more_while_the_count_is_a_lower_bound()
    {
        var result = new PagedResult<EventSummary>([], Total: 120, Page: 2, PageSize: 20, TotalIsExact: false);
        var cut = Render<TimelinePager>(p => p
            .Add(c => c.Result, result)
            .Add(c => c.Filter, new EventFilter { Venue = "Beijing", XiPutinOnly = true })
            .Add(c => c.Position, "top"));

        var nav = cut.Find("nav[aria-label='Pages of events (top)']");
        Assert.Equal("/?venue=Beijing&xiputin=true&pageSize=20", cut.Find("a[aria-label='First page']").GetAttribute("href"));
        Assert.Equal("/?venue=Beijing&xiputin=true&page=3&pageSize=20", cut.Find("a[aria-label='Next page']").GetAttribute("href"));
        Assert.Empty(cut.FindAll("a[aria-label='Last page']"));
        Assert.Contains("Page 2 of at least 6", nav.TextContent, StringComparison.Ordinal);
    }
}
