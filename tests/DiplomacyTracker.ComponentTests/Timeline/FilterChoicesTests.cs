using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Web.Features.Timeline;
using MudBlazor;

namespace DiplomacyTracker.ComponentTests.Timeline;

/// <summary>
/// The type and topic lists keep no choice components while closed (every reader's circuit would keep them, twice
/// over), and show every choice once opened, those that would match nothing disabled.
/// </summary>
public sealed class FilterChoicesTests : MudTestContext
{
    private static readonly FilterChoices Choices = new(1949, 2024, ["Beijing"], [], [new TopicView("energy", "Energy"), new TopicView("ukraine", "Ukraine war")]);

    private static readonly EventFacets Facets = new(
        3, 1, [], [], [], [new CountedValue(nameof(EventType.StateVisit), "State visit", 2)], [new CountedValue("energy", "Energy", 3)]);

    [Fact]
    public void Closed_lists_hold_no_choices_and_show_the_chosen_one_by_name()
    {
        var cut = Render<TimelineFilters>(p => p
            .Add(c => c.Filter, new EventFilter { Topic = "ukraine" })
            .Add(c => c.Options, Choices)
            .Add(c => c.Facets, Facets));

        Assert.Empty(cut.FindComponents<MudSelectItem<string>>());
        var topic = cut.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Topic");
        Assert.Equal("Ukraine war", topic.Find("input").GetAttribute("value"));
    }

    [Fact]
    public async Task An_opened_list_shows_every_choice_and_disables_those_that_match_nothing()
    {
        var cut = Render<TimelineFilters>(p => p
            .Add(c => c.Filter, new EventFilter())
            .Add(c => c.Options, Choices)
            .Add(c => c.Facets, Facets));
        var type = cut.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Event type");

        await cut.InvokeAsync(type.Instance.OpenMenu);

        var items = cut.FindComponents<MudSelectItem<string>>();
        Assert.Equal(Enum.GetValues<EventType>().Length + 1, items.Count); // "Any type" and every type
        // Only "Any type" and the one type with events can be chosen; the rest match nothing and are disabled.
        Assert.Equal(Enum.GetValues<EventType>().Length - 1, items.Count(i => i.Instance.Disabled));
    }
}
