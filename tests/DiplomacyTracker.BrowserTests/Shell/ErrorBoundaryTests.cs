using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DiplomacyTracker.BrowserTests.Shell;

/// <summary>Its own app: the test breaks a table under the running circuit.</summary>
public sealed class ErrorBoundaryTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    [Fact]
    public Task A_failing_page_shows_a_message_and_the_circuit_keeps_working() => WithPageAsync(async page =>
    {
        await page.GotoAsync("/");
        await WaitForCircuitAsync(page);

        var factory = Fixture.KestrelServices.GetRequiredService<IDbContextFactory<DiplomacyTracker.Data.DiplomacyDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE Sources RENAME TO SourcesGone");
        }

        // Navigating inside the circuit: the sources page's query fails while rendering.
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await navigation.GetByText("Sources").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Something went wrong on this page");
        await SaveScreenshotAsync(page, "error-boundary-desktop");

        // The same circuit still serves other pages.
        await navigation.GetByText("API").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Read API");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        Assert.Equal(1, await page.Locator("[data-circuit-ready]").CountAsync());
    });
}
