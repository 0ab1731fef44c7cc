using Deque.AxeCore.Playwright;
using DiplomacyTracker.BrowserTests.Shell;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Events.Editing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DiplomacyTracker.BrowserTests.Editing;

public sealed class RecentlyDeletedTests(EditingBrowserFixture fixture) : BrowserTest(fixture), IClassFixture<EditingBrowserFixture>
{
    [Fact]
    public Task Editor_restores_a_deleted_event_from_the_recently_deleted_list() => WithPageAsync(async page =>
    {
        var queries = Fixture.KestrelServices.GetRequiredService<EventQueries>();
        var commands = Fixture.KestrelServices.GetRequiredService<EventCommands>();
        var victim = (await queries.SearchAsync(new EventFilter(), 1, 1)).Items[0];
        Assert.IsType<EventCommandResult.Saved>(await commands.SoftDeleteAsync(victim.Id, EditingBrowserFixture.AdminEmail));

        await EditingBrowserFixture.SignInAsync(page, "/events/deleted");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Recently deleted" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(victim.Title, new() { Exact = true })).ToBeVisibleAsync();
        ShellTests.AssertNoSeriousViolations(await page.RunAxe());

        await page.GetByRole(AriaRole.Button, new() { Name = "Restore " + victim.Title }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Restored" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(victim.Title, new() { Exact = true })).ToHaveCountAsync(0);
        Assert.NotNull(await queries.GetAsync(victim.Id));
    });
}
