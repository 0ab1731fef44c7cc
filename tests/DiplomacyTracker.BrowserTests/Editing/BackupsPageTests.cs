using Deque.AxeCore.Playwright;
using DiplomacyTracker.BrowserTests.Shell;
using Microsoft.Playwright;

namespace DiplomacyTracker.BrowserTests.Editing;

public sealed class BackupsPageTests(EditingBrowserFixture fixture) : BrowserTest(fixture), IClassFixture<EditingBrowserFixture>
{
    [Theory]
    [InlineData(1280, "desktop")]
    [InlineData(PhoneWidth, "phone")]
    public Task An_editor_takes_a_backup_from_the_backups_page(int width, string name) => WithPageAsync(async page =>
    {
        await EditingBrowserFixture.SignInAsync(page, "/backups");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Backups", Level = 1 })).ToBeVisibleAsync();
        var rows = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "diplomacy-" });
        var before = await rows.CountAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Back up now" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Backup written" })).ToBeVisibleAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(before + 1);
        ShellTests.AssertNoSeriousViolations(await page.RunAxe());
        await SaveScreenshotAsync(page, "backups-" + name);
    }, width);
}
