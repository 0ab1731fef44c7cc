using System.Runtime.CompilerServices;
using DiplomacyTracker.Testing;
using Microsoft.Playwright;

namespace DiplomacyTracker.BrowserTests;

/// <summary>Base for browser tests: a fresh page per test, a screenshot saved when a test fails.</summary>
public abstract class BrowserTest(BrowserFixture fixture)
{
    public const int PhoneWidth = 390;

    protected BrowserFixture Fixture => fixture;

    /// <summary>Runs <paramref name="test"/> on a new page; on failure saves test-artifacts/screenshots/{test}.png and rethrows.</summary>
    protected async Task WithPageAsync(Func<IPage, Task> test, int width = 1280, [CallerMemberName] string name = "")
    {
        await using var context = await fixture.NewContextAsync(width);
        var page = await context.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };
        try
        {
            await test(page);
            // The Content-Security-Policy must not block anything the app itself needs.
            Assert.DoesNotContain(consoleErrors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
        }
        catch (Exception exception)
        {
            await SaveScreenshotAsync(page, name + "-failure");
            if (consoleErrors.Count == 0)
            {
                throw;
            }

            // Browser console errors usually say why (a circuit that failed, a script error).
            throw new InvalidOperationException(exception.Message + Environment.NewLine + "Browser console errors:" + Environment.NewLine + string.Join(Environment.NewLine, consoleErrors), exception);
        }
    }

    /// <summary>Saves a full-page screenshot under test-artifacts/screenshots for people to look at.</summary>
    protected static async Task SaveScreenshotAsync(IPage page, string name)
    {
        var directory = Path.Combine(RepositoryPaths.Artifacts, "screenshots");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }

    /// <summary>Waits until the Blazor circuit is up, so clicks reach the server.</summary>
    public static async Task WaitForCircuitAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('[data-circuit-ready]') !== null");
    }
}
