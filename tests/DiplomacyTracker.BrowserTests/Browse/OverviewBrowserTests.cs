using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using DiplomacyTracker.BrowserTests.Pages;
using DiplomacyTracker.BrowserTests.Shell;
using Microsoft.Playwright;

namespace DiplomacyTracker.BrowserTests.Browse;

public sealed partial class OverviewBrowserTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Overview_counts_the_filtered_meetings_and_a_row_opens_them_on_the_timeline() => WithPageAsync(async page =>
    {
        var overview = new OverviewPage(page);
        await overview.GotoAsync("?xiputin=true");
        ShellTests.AssertNoSeriousViolations(await page.RunAxe());
        await SaveScreenshotAsync(page, "overview-desktop");

        // Each table's figures add up to the events the filters match.
        var total = int.Parse(SummaryCount().Match(await page.GetByRole(AriaRole.Status).InnerTextAsync()).Value, System.Globalization.CultureInfo.InvariantCulture);
        var years = overview.Section("Events per year").GetByRole(AriaRole.Row);
        var sum = 0;
        for (var i = 1; i < await years.CountAsync(); i++)
        {
            sum += int.Parse(await years.Nth(i).GetByRole(AriaRole.Cell).First.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        Assert.Equal(total, sum);
        Assert.Equal(1, await overview.CountInAsync("Events per year", "2024"));

        await overview.Row("Events per year", "2024").GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(YearAndXiPutin());
        await Assertions.Expect(new TimelinePage(page).Card("Putin's state visit to China")).ToBeVisibleAsync();
        await Assertions.Expect(new TimelinePage(page).Cards).ToHaveCountAsync(1);
    });

    [Fact]
    public Task A_click_on_a_bar_opens_the_timeline_filtered_to_it() => WithPageAsync(async page =>
    {
        var overview = new OverviewPage(page);
        await overview.GotoAsync();
        var typeRows = overview.Section("Events by type").GetByRole(AriaRole.Rowheader);
        var firstType = (await typeRows.First.InnerTextAsync()).Trim();
        await overview.Bars("Events by type").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/\?type=\w+$"));
        await Assertions.Expect(new TimelinePage(page).Cards.First).ToBeVisibleAsync();
        await Assertions.Expect(new TimelinePage(page).Cards.Filter(new() { HasNotText = firstType })).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Overview_filters_live_in_the_address_and_the_pairs_table_names_who_met_most() => WithPageAsync(async page =>
    {
        var overview = new OverviewPage(page);
        await overview.GotoAsync();
        var timeline = new TimelinePage(page);
        await timeline.ChooseVenueAsync("Moscow");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/overview\\?venue=Moscow$"));
        await Assertions.Expect(overview.Row("Events by city", "Moscow, Russia")).ToBeVisibleAsync();
        await Assertions.Expect(overview.Row("Events by city", "Beijing, China")).ToHaveCountAsync(0);

        await page.GoBackAsync();
        await Assertions.Expect(overview.Row("Events by city", "Beijing, China")).ToBeVisibleAsync();
        await Assertions.Expect(overview.Section("Who met whom most").GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("Vladimir Putin");
        await Assertions.Expect(overview.Section("Who met whom most").GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("Xi Jinping");
    });

    [Fact]
    public Task Overview_at_phone_width_is_readable_and_accessible() => WithPageAsync(async page =>
    {
        var overview = new OverviewPage(page);
        await overview.GotoAsync();
        ShellTests.AssertNoSeriousViolations(await page.RunAxe());
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "The overview scrolls sideways on a phone");
        await Assertions.Expect(overview.Row("Events per year", "2024")).ToBeVisibleAsync();
        await SaveScreenshotAsync(page, "overview-phone");
    }, width: PhoneWidth);

    [GeneratedRegex(@"\d+")]
    private static partial Regex SummaryCount();

    [GeneratedRegex(@"/\?year=2024&xiputin=true$")]
    private static partial Regex YearAndXiPutin();
}
