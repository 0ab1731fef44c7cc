using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Web.Features.Events;

namespace DiplomacyTracker.ComponentTests.Events;

public sealed class EventSourcesTests : MudTestContext
{
    private static EventDetails Event(params SourceRef[] sources) => new(
        1, "A meeting", EventType.Other, EventStatus.Held, PartialDate.Unknown, PartialDate.Unknown, null, string.Empty, Side.Unknown,
        false, false, Guid.NewGuid(), DateTime.UtcNow, DateTime.UtcNow, [], [], [], [], [], sources, null, null);

    [Fact]
    public void An_event_without_sources_says_so_instead_of_an_empty_list()
    {
        var cut = Render<EventSources>(p => p.Add(c => c.Event, Event()));
        Assert.Contains("No source is recorded for this event", cut.Find("section").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("ul"));
    }

    [Fact]
    public void Sources_are_listed_with_their_outlet_and_date_and_link_to_their_page()
    {
        var cut = Render<EventSources>(p => p.Add(c => c.Event, Event(new SourceRef(5, "Putin visits China", "Xinhua", PartialDate.OfDay(new DateOnly(2024, 5, 16))))));
        var item = Assert.Single(cut.FindAll("ul.sources li"));
        Assert.Equal("/sources/5", item.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Xinhua", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("16 May 2024", item.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("No source", cut.Markup, StringComparison.Ordinal);
    }
}
