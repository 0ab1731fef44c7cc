using Deque.AxeCore.Playwright;
using DiplomacyTracker.BrowserTests.Shell;
using Microsoft.Playwright;

namespace DiplomacyTracker.BrowserTests.Editing;

/// <summary>The sign-in page and the editor form at desktop and phone width: screenshots for people, axe for machines.</summary>
public sealed class EditorLookTests(EditingBrowserFixture fixture) : BrowserTest(fixture), IClassFixture<EditingBrowserFixture>
{
    [Theory]
    [InlineData(1280, "desktop")]
    [InlineData(PhoneWidth, "phone")]
    public Task Sign_in_page_is_labelled_and_accessible(int width, string name) => WithPageAsync(async page =>
    {
        await page.GotoAsync("/account/sign-in?error=invalid");
        await Assertions.Expect(page.GetByLabel("Email")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Password")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("do not match");
        await SaveScreenshotAsync(page, "sign-in-" + name);
        ShellTests.AssertNoSeriousViolations(await page.RunAxe());
    }, width);

    [Theory]
    [InlineData(1280, "desktop")]
    [InlineData(PhoneWidth, "phone")]
    public Task Editor_form_has_labelled_sections_and_no_serious_accessibility_violations(int width, string name) => WithPageAsync(async page =>
    {
        await EditingBrowserFixture.SignInAsync(page, "/events/new");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Add a visit", Level = 1 })).ToBeVisibleAsync();
        foreach (var section in new[] { "Basics", "Dates", "Participants", "Legs", "Sources", "Statements", "Documents signed", "Topics" })
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = section, Exact = true })).ToHaveCountAsync(1);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Add source" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add statement" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add document" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Article text")).ToBeVisibleAsync();
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await SaveScreenshotAsync(page, "editor-" + name);
        ShellTests.AssertNoSeriousViolations(await page.RunAxe());
    }, width);
}
