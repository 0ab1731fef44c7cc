using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Statements;
using DiplomacyTracker.Web.Features.Citations;

namespace DiplomacyTracker.Tests.Exports;

public sealed class CitationTests
{
    private static readonly DateOnly Accessed = new(2026, 12, 1);

    [Fact]
    public void A_fully_known_source_reads_outlet_title_date_url_and_access_date()
    {
        var source = new SourceRef(5, "Putin visits China", "Xinhua", PartialDate.OfDay(2024, 5, 16), "https://example.org/putin-visit");

        Assert.Equal("Xinhua, \u201cPutin visits China\u201d, 16 May 2024, https://example.org/putin-visit (accessed 1 December 2026)", Citation.ForSource(source, Accessed));
    }

    [Fact]
    public void A_date_known_only_to_the_month_or_year_is_cited_at_that_precision_and_approximate_dates_say_so()
    {
        Assert.Contains(", May 2024,", Citation.ForSource(new SourceRef(1, "T", "O", PartialDate.OfMonth(2024, 5), "https://x.test"), Accessed), StringComparison.Ordinal);
        Assert.Contains(", 2023,", Citation.ForSource(new SourceRef(1, "T", "O", PartialDate.OfYear(2023), "https://x.test"), Accessed), StringComparison.Ordinal);
        Assert.Contains(", c. 20 March 2023,", Citation.ForSource(new SourceRef(1, "T", "O", PartialDate.OfDay(2023, 3, 20, approximate: true), "https://x.test"), Accessed), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_date_outlet_and_url_are_said_or_left_out_never_invented()
    {
        var source = new SourceRef(7, "Talks in Moscow", null, PartialDate.Unknown, null);

        Assert.Equal("\u201cTalks in Moscow\u201d, n.d. (accessed 1 December 2026)", Citation.ForSource(source, Accessed));
    }

    [Fact]
    public void A_title_the_curator_wrote_is_bracketed_not_quoted_as_the_articles_own()
    {
        var source = new SourceRef(8, "Report on the 2019 upgrade", "TASS", PartialDate.OfYear(2019), null, TitleIsEditorial: true);

        Assert.Equal("TASS, [Report on the 2019 upgrade], 2019 (accessed 1 December 2026)", Citation.ForSource(source, Accessed));
    }

    [Fact]
    public void A_statement_cites_its_source_and_then_its_permalink_in_the_record()
    {
        var xi = new PersonRef(1, "xi-jinping", "Xi Jinping", Side.China);
        var source = new SourceRef(5, "Putin visits China", "Xinhua", PartialDate.OfDay(2024, 5, 16), "https://example.org/a");
        var statement = new StatementView(42, xi, null, StatementKind.Quotation, "Good talks.", source, 10, []);

        var lines = Citation.ForStatement(statement, "Putin's state visit to China", "https://tracker.test/events/10#statement-42", Accessed);

        Assert.Equal(
            [
                "Xinhua, \u201cPutin visits China\u201d, 16 May 2024, https://example.org/a (accessed 1 December 2026)",
                "DiplomacyTracker, \u201cPutin's state visit to China: statement by Xi Jinping\u201d, https://tracker.test/events/10#statement-42 (accessed 1 December 2026)",
            ],
            lines);
    }

    [Fact]
    public void A_statement_without_a_source_is_cited_by_its_permalink_alone()
    {
        var statement = new StatementView(3, null, "A Kremlin spokesman", StatementKind.Paraphrase, "Talks went well.", null, null, []);

        var line = Assert.Single(Citation.ForStatement(statement, "Call", "https://tracker.test/events/2#statement-3", Accessed));
        Assert.Equal("DiplomacyTracker, \u201cCall: statement by A Kremlin spokesman\u201d, https://tracker.test/events/2#statement-3 (accessed 1 December 2026)", line);
    }
}
