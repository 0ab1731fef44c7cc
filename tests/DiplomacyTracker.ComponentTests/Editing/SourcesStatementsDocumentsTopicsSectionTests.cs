using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Events.Editing;
using DiplomacyTracker.Web.Features.Editing.Sections;

namespace DiplomacyTracker.ComponentTests.Editing;

public sealed class SourcesStatementsDocumentsTopicsSectionTests : EditorSectionTest
{
    private static EventDraft WithSources() => new()
    {
        Participants = [new ParticipantDraft { Key = "xi", PersonId = 1, PersonName = "Xi Jinping" }],
        Sources =
        [
            new SourceDraft { Key = "s7", SourceId = 7, Title = "Xinhua report", Outlet = "Xinhua", PublishedText = "16 May 2024" },
            new SourceDraft { Key = "new", Title = "A new article", Url = "https://example.org/a" },
        ],
        Statements = [new StatementDraft { SpeakerKey = "xi", Text = "Old friend.", SourceKey = "new" }],
        Documents = [new DocumentDraft { Title = "Joint statement", SourceKey = "new" }],
    };

    [Fact]
    public void A_saved_source_is_a_link_without_fields_and_a_new_one_has_every_field()
    {
        var cut = RenderSection<SourcesSection>(WithSources());

        var saved = Group(cut, "Source 1");
        Assert.Equal("/sources/7", saved.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Xinhua", saved.TextContent, StringComparison.Ordinal);
        Assert.Empty(saved.QuerySelectorAll("input, textarea"));

        var typed = Group(cut, "Source 2");
        Assert.Equal("A new article", Field(typed, "Title").GetAttribute("value"));
        Assert.Equal("https://example.org/a", Field(typed, "URL").GetAttribute("value"));
        foreach (var label in new[] { "Outlet", "Published on", "Article text" })
        {
            Assert.NotNull(Field(typed, label));
        }
    }

    [Fact]
    public void Removing_a_source_unlinks_what_cited_it_and_a_source_without_url_or_text_is_refused()
    {
        var draft = WithSources();
        var cut = RenderSection<SourcesSection>(draft);

        Button(cut, "Remove source 2").Click();
        Assert.Null(draft.Statements[0].SourceKey);
        Assert.Null(draft.Documents[0].SourceKey);

        Button(cut, "Add source").Click();
        Field(Group(cut, "Source 2"), "Title").Change("Untraceable");
        ValidateAll(cut);
        ExpectMessage(cut, () => Field(Group(cut, "Source 2"), "URL"), "Give the article's URL or paste its text.");
    }

    [Fact]
    public void A_new_source_asks_for_outlet_and_date_or_an_explicit_unknown()
    {
        var draft = WithSources();
        var cut = RenderSection<SourcesSection>(draft);

        ValidateAll(cut);
        ExpectMessage(cut, () => Field(Group(cut, "Source 2"), "Outlet"), "Give the outlet that published it, or tick \"Outlet unknown\".");
        ExpectMessage(cut, () => Field(Group(cut, "Source 2"), "Published on"), "Give the publication date, or tick \"Publication date unknown\".");

        Field(Group(cut, "Source 2"), "Outlet unknown").Change(true);
        Field(Group(cut, "Source 2"), "Publication date unknown").Change(true);

        Assert.True(draft.Sources[1].OutletUnknown);
        Assert.True(draft.Sources[1].PublishedUnknown);
        ExpectMessage(cut, () => Field(Group(cut, "Source 2"), "Outlet"), null);
        ExpectMessage(cut, () => Field(Group(cut, "Source 2"), "Published on"), null);
    }

    [Fact]
    public void Statements_offer_the_participants_and_a_recorded_non_participant_as_speakers()
    {
        var draft = WithSources();
        draft.Statements.Add(new StatementDraft { SpeakerPersonId = 9, SpeakerName = "Hua Chunying", Text = "A post." });
        var cut = RenderSection<StatementsSection>(draft);

        Assert.Equal("Xi Jinping", Field(Group(cut, "Statement 1"), "Speaker").TextContent.Trim());
        Assert.Equal("Hua Chunying (not a participant)", Field(Group(cut, "Statement 2"), "Speaker").TextContent.Trim());
        Assert.Equal("A new article", Field(Group(cut, "Statement 1"), "Source").TextContent.Trim());
        Assert.Equal("Old friend.", Field(Group(cut, "Statement 1"), "Text").TextContent);
    }

    [Fact]
    public void A_statement_needs_text_and_a_speaker_or_attribution_and_rows_come_and_go()
    {
        var draft = new EventDraft();
        var cut = RenderSection<StatementsSection>(draft);

        Button(cut, "Add statement").Click();
        ValidateAll(cut);
        var row = Group(cut, "Statement 1");
        ExpectMessage(cut, () => Field(Group(cut, "Statement 1"), "Text"), "Statement text is required.");
        ExpectMessage(cut, () => Field(Group(cut, "Statement 1"), "Speaker"), "Choose a speaker or write who it is attributed to.");

        Field(row, "Or attributed to").Change("the Chinese Foreign Ministry");
        Field(row, "Text").Change("Relations are at their best.");
        ExpectMessage(cut, () => Field(Group(cut, "Statement 1"), "Speaker"), null);

        Button(cut, "Remove statement 1").Click();
        Assert.Empty(draft.Statements);
    }

    [Fact]
    public void Documents_have_title_kind_source_and_summary_and_need_a_title()
    {
        var draft = WithSources();
        var cut = RenderSection<DocumentsSection>(draft);

        var row = Group(cut, "Document 1");
        Assert.Equal("Joint statement", Field(row, "Title").GetAttribute("value"));
        Assert.Equal("Joint statement", Field(row, "Kind").TextContent.Trim());
        Assert.Equal("A new article", Field(row, "Source").TextContent.Trim());
        Assert.NotNull(Field(row, "Summary"));

        Button(cut, "Add document").Click();
        ValidateAll(cut);
        ExpectMessage(cut, () => Field(Group(cut, "Document 2"), "Title"), "Document title is required.");
    }

    [Fact]
    public void Topics_show_the_chosen_topics_by_name()
    {
        var draft = new EventDraft { TopicSlugs = ["ukraine", "trade-energy"] };
        TopicView[] topics = [new("trade-energy", "Trade & energy"), new("ukraine", "Ukraine war"), new("military", "Military cooperation")];
        var cut = RenderSection<TopicsSection>(draft, p => p.Add(s => s.Topics, topics));

        // A multiple choice shows its text as the value of its input (the combobox itself in a browser).
        var topicsInput = Field(cut, "Topics").Closest(".mud-select")!.QuerySelector("input")!;
        Assert.Equal("Ukraine war, Trade & energy", topicsInput.GetAttribute("value"));
    }
}
