using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Web.Features.Timeline;
using Microsoft.Extensions.Logging.Abstractions;

namespace DiplomacyTracker.ComponentTests.Timeline;

/// <summary>The timeline's cards as shared HTML: the same markup as the components, one string for every reader.</summary>
public sealed class EventMarkupTests : MudTestContext
{
    private static EventSummary Summit() => new(
        7,
        "Xi Jinping's state visit to Russia",
        EventType.StateVisit,
        EventStatus.Held,
        PartialDate.OfDay(2023, 3, 20),
        PartialDate.OfDay(2023, 3, 22),
        Side.China,
        IsMentionedOnly: false,
        IsXiPutinMeeting: true,
        [new LegSummary(1, "Moscow", "Russia", "Kremlin", PartialDate.OfDay(2023, 3, 20), PartialDate.OfDay(2023, 3, 22))],
        [
            new ParticipantView(new PersonRef(1, "xi-jinping", "Xi Jinping", Side.China), "President of China"),
            new ParticipantView(new PersonRef(2, "vladimir-putin", "Vladimir Putin", Side.Russia), "President of Russia"),
        ],
        [new TopicView("ukraine", "Ukraine & <security>")],
        StatementCount: 3,
        SourceCount: 1)
    { XiPutinLegs = [1] };

    private EventMarkup NewMarkup() => new(Services, NullLoggerFactory.Instance);

    [Fact]
    public async Task A_prepared_card_and_row_are_the_components_own_markup()
    {
        using var markup = NewMarkup();
        var summit = Summit();
        Assert.Null(markup.Card(summit));

        await markup.PrepareAsync([summit]);

        var card = Render<EventCard>(p => p.Add(c => c.Event, summit));
        card.MarkupMatches(markup.Card(summit)!.Value.Value);
        var row = Render<EventRow>(p => p.Add(c => c.Event, summit));
        row.MarkupMatches(markup.Row(summit)!.Value.Value);
        // Text from the record is encoded, not taken as HTML.
        Assert.Contains("Ukraine &amp; &lt;security&gt;", markup.Card(summit)!.Value.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readers_of_the_same_event_share_one_string_even_from_separate_copies_of_it()
    {
        using var markup = NewMarkup();
        var first = Summit();
        var copy = Summit(); // as a circuit's first page deserializes it from the prerendered state
        await markup.PrepareAsync([first]);
        await markup.PrepareAsync([copy]);

        Assert.Same(markup.Card(first)!.Value.Value, markup.Card(copy)!.Value.Value);

        var changed = Summit() with { Title = "Xi Jinping's state visit to Russia (postponed)" };
        await markup.PrepareAsync([changed]);
        Assert.Contains("(postponed)", markup.Card(changed)!.Value.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("(postponed)", markup.Card(first)!.Value.Value, StringComparison.Ordinal);
    }
}
