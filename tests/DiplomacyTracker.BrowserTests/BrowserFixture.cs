using DiplomacyTracker.Testing;
using Microsoft.Playwright;

namespace DiplomacyTracker.BrowserTests;

/// <summary>
/// The app on Kestrel plus Debian's Chromium driven by Playwright (never a downloaded browser).
/// One per test class; each test gets its own browser context (fresh cookies and storage).
/// </summary>
public class BrowserFixture : KestrelAppFactory
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium not found at {ChromiumPath}; `bash tests/run.sh` installs it (apt-get install chromium).");
        }

        // Two cores run the app, the browser and the tests: give expectations room before calling it a failure.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await base.DisposeAsync();
    }

    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 900) =>
        await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
}
