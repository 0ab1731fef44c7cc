using DiplomacyTracker.Web.Features.Overview;

namespace DiplomacyTracker.ComponentTests.Overview;

public sealed class CountChartTests : MudTestContext
{
    private static List<ChartBar> Years(int from, int to) =>
        Enumerable.Range(from, to - from + 1).Select(y => new ChartBar(y.ToString(System.Globalization.CultureInfo.InvariantCulture), y - from + 1, $"/?year={y}")).ToList();

    private IRenderedComponent<CountChart> RenderChart(List<ChartBar> bars, bool columns) => Render<CountChart>(p => p
        .Add(c => c.Title, "Events per year").Add(c => c.Id, "per-year").Add(c => c.ValueHeading, "Year")
        .Add(c => c.Bars, bars).Add(c => c.Columns, columns));

    [Fact]
    public void A_long_time_axis_charts_its_latest_years_says_so_and_tables_every_year()
    {
        var cut = RenderChart(Years(1949, 2025), columns: true);

        var charted = cut.FindAll("svg a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(CountChart.MaxBars, charted.Count);
        Assert.Equal("/?year=2011", charted[0]);
        Assert.Equal("/?year=2025", charted[^1]);
        Assert.Equal(77, cut.FindAll("tbody tr").Count);
        Assert.Contains($"The chart shows the latest {CountChart.MaxBars}; the table lists all 77.", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Categories_chart_the_first_ones_and_a_short_list_has_no_note()
    {
        var many = RenderChart(Years(2000, 2019), columns: false);
        Assert.Equal("/?year=2000", many.FindAll("svg a")[0].GetAttribute("href"));
        Assert.Contains("The chart shows the first 15; the table lists all 20.", many.Markup, StringComparison.Ordinal);

        var few = RenderChart(Years(2020, 2024), columns: true);
        Assert.Equal(5, few.FindAll("svg a").Count);
        Assert.DoesNotContain("The chart shows", few.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_of_ten_thousand_or_more_show_thousands_and_keep_the_exact_figure_in_their_title_and_row()
    {
        var cut = RenderChart([new ChartBar("2024", 25_173, "/?year=2024"), new ChartBar("2025", 9_999, "/?year=2025")], columns: true);

        var values = cut.FindAll("svg text.bar-value").Select(t => t.TextContent).ToList();
        Assert.Equal(["25k", "9999"], values);
        Assert.Equal("2024: 25173 events", cut.FindAll("svg title")[0].TextContent);
        Assert.Contains(cut.FindAll("tbody td"), td => td.TextContent == "25173");
    }

    [Theory]
    [InlineData(7)]
    [InlineData(543_887)]
    public void The_figure_at_the_end_of_the_longest_bar_fits_in_the_drawing(int most)
    {
        var cut = RenderChart([new ChartBar("China", most, "/?venue=China"), new ChartBar("Russia", most / 2, "/?venue=Russia")], columns: false);

        var width = double.Parse(cut.Find("svg").GetAttribute("viewBox")!.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
        var figure = cut.FindAll("svg text.bar-value")[0];
        Assert.Equal(most.ToString(System.Globalization.CultureInfo.InvariantCulture), figure.TextContent);
        // A bold digit at 12 px is at most about 0.65 em (7.8 units) wide.
        var end = double.Parse(figure.GetAttribute("x")!, System.Globalization.CultureInfo.InvariantCulture) + (7.8 * figure.TextContent.Length);
        Assert.True(end <= width, $"The figure ends at {end}, past the drawing's width {width}.");
    }
}
