using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Places;
using DiplomacyTracker.Data.Seeding;
using DiplomacyTracker.Web.Features.Timeline;

namespace DiplomacyTracker.ComponentTests.Timeline;

/// <summary>The search box suggests people, places and topics by any of their names; picking one sets that filter.</summary>
public sealed class SearchSuggestionsTests : MudTestContext
{
    private static readonly Names Names = new(
        new Gazetteer(new SeedGazetteer(
            [new SeedCountry("China", new SeedNames(null, ["Китай"], ["中国"]))],
            [new SeedPlace("beijing", "Beijing", "China", 39.9, 116.4, new SeedNames(["Peking"], ["Пекин"], ["北京"]))])),
        [
            new NamedPerson(1, "vladimir-putin", "Vladimir Putin", "弗拉基米尔·普京", "Владимир Путин", Side.Russia, HasEvents: true),
            new NamedPerson(2, "xi-jinping", "Xi Jinping", "习近平", "Си Цзиньпин", Side.China, HasEvents: true),
        ],
        ["Beijing"],
        ["China"],
        [new NamedTopic("energy", "Energy")]);

    private EventFilter? applied;

    private IRenderedComponent<TimelineFilters> RenderFilters() => Render<TimelineFilters>(p => p
        .Add(c => c.Filter, new EventFilter())
        .Add(c => c.Names, Names)
        .Add(c => c.OnChange, (EventFilter f) => applied = f));

    [Theory]
    [InlineData("Путин", "Participant: Vladimir Putin (Владимир Путин)")]
    [InlineData("普京", "Participant: Vladimir Putin (弗拉基米尔·普京)")]
    [InlineData("Пекин", "Venue: Beijing (Пекин)")]
    [InlineData("ener", "Topic: Energy")]
    public void Typing_a_name_in_any_script_suggests_what_it_names(string typed, string suggestion)
    {
        var cut = RenderFilters();
        cut.Find("input[type=search]").Input(typed);

        var group = cut.Find("[role=group][aria-label=Suggestions]");
        Assert.Contains(suggestion, group.QuerySelectorAll("button").Select(b => b.TextContent.Trim()));
    }

    [Fact]
    public void Picking_a_suggestion_sets_its_filter_instead_of_searching_the_words()
    {
        var cut = RenderFilters();
        cut.Find("input[type=search]").Input("Путин");
        cut.FindAll("[role=group][aria-label=Suggestions] button").Single(b => b.TextContent.Contains("Vladimir Putin", StringComparison.Ordinal)).Click();

        Assert.Equal(new EventFilter { Participant = "vladimir-putin" }, applied);
    }

    [Theory]
    [InlineData("\"Путин")]
    [InlineData("gas OR Путин")]
    [InlineData("x")]
    [InlineData("nobody-by-this-name")]
    public void Phrases_operators_and_unknown_words_are_searched_without_suggestions(string typed)
    {
        var cut = RenderFilters();
        cut.Find("input[type=search]").Input(typed);
        Assert.Empty(cut.FindAll("[role=group][aria-label=Suggestions]"));
    }
}
