using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Events.Editing;
using DiplomacyTracker.Web.Features.Editing.Sections;

namespace DiplomacyTracker.ComponentTests.Editing;

public sealed class BasicsAndDatesSectionTests : EditorSectionTest
{
    [Fact]
    public void Basics_shows_each_field_under_its_label_with_the_draft_values()
    {
        var draft = new EventDraft { Title = "Talks in Kazan", Type = EventType.SummitSideline, Status = EventStatus.Postponed, HostSide = Side.Russia, Summary = "Met on the sidelines." };
        var cut = RenderSection<BasicsSection>(draft);

        Assert.Equal("Basics", Assert.Single(GroupNames(cut)));
        Assert.Equal("Talks in Kazan", Field(cut, "Title").GetAttribute("value"));
        Assert.Equal("Summit sideline", Field(cut, "Type").TextContent.Trim());
        Assert.Equal("Postponed", Field(cut, "Status").TextContent.Trim());
        Assert.Equal("Russia", Field(cut, "Host side").TextContent.Trim());
        Assert.Equal("Met on the sidelines.", Field(cut, "Summary").TextContent);
    }

    [Fact]
    public void Typing_a_title_updates_the_draft_and_a_missing_title_is_named_on_save()
    {
        var draft = new EventDraft();
        var cut = RenderSection<BasicsSection>(draft);

        ValidateAll(cut);
        ExpectMessage(cut, () => Field(cut, "Title"), "Title is required.");
        Assert.Equal("true", Field(cut, "Title").GetAttribute("aria-invalid"));

        Field(cut, "Title").Change("State visit to Beijing");
        cut.WaitForAssertion(() => Assert.Equal("State visit to Beijing", draft.Title));
        ExpectMessage(cut, () => Field(cut, "Title"), null);
    }

    [Fact]
    public void A_title_over_the_limit_is_kept_whole_with_a_counter_and_the_true_limit_in_the_message()
    {
        var draft = new EventDraft { Title = new string('x', 5000) };
        var cut = RenderSection<BasicsSection>(draft);
        var title = Field(cut, "Title");

        // No maxlength cut: the browser keeps all of it; the counter and the message say what the limit is.
        Assert.True(title.GetAttribute("maxlength") is null or "524288");
        Assert.Contains($"5000 / {Event.TitleMaxLength}", cut.Markup, StringComparison.Ordinal);
        ValidateAll(cut);
        ExpectMessage(cut, () => Field(cut, "Title"), $"Title must be at most {Event.TitleMaxLength} characters (it has 5000).");
    }

    [Fact]
    public void Dates_show_both_dates_the_precision_and_the_approximate_flag_and_refuse_an_end_before_the_start()
    {
        var draft = new EventDraft { StartDate = new DateOnly(2024, 5, 17), EndDate = new DateOnly(2024, 5, 16), Precision = DatePrecision.Day, DatesApproximate = true, DateNote = "Inferred." };
        var cut = RenderSection<DatesSection>(draft);

        Assert.Equal("2024-05-17", Field(cut, "Start date").GetAttribute("value"));
        Assert.Equal("date", Field(cut, "Start date").GetAttribute("type"));
        Assert.Equal("2024-05-16", Field(cut, "End date (optional)").GetAttribute("value"));
        Assert.Equal("Exact days", Field(cut, "Date precision").TextContent.Trim());
        Assert.True(Field(cut, "The dates are approximate (inferred, not printed in the source)").HasAttribute("checked"));
        Assert.Equal("Inferred.", Field(cut, "Date note").TextContent);

        ValidateAll(cut);
        ExpectMessage(cut, () => Field(cut, "End date (optional)"), "End date cannot be before the start date.");

        Field(cut, "End date (optional)").Change("2024-05-18");
        cut.WaitForAssertion(() => Assert.Equal(new DateOnly(2024, 5, 18), draft.EndDate));
        ExpectMessage(cut, () => Field(cut, "End date (optional)"), null);
    }

    [Fact]
    public void An_approximate_date_without_a_note_asks_for_the_reasoning()
    {
        var draft = new EventDraft { StartDate = new DateOnly(2022, 12, 20), DatesApproximate = true };
        var cut = RenderSection<DatesSection>(draft);
        ValidateAll(cut);
        ExpectMessage(cut, () => Field(cut, "Date note"), "Say how the approximate date was worked out.");
    }
}
