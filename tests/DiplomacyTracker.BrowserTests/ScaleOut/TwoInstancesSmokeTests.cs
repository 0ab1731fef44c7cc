using System.Text.RegularExpressions;
using DiplomacyTracker.BrowserTests.Pages;
using Microsoft.Playwright;

namespace DiplomacyTracker.BrowserTests.ScaleOut;

/// <summary>
/// Through nginx in front of two instances on one database: an editor signs in and adds a visit, a reader on the
/// other instance sees it at once; then the editor's instance dies, and a reader who was on it is served by the
/// other (Blazor reloads the page when its circuit is gone), and the editor, still signed in there, gets the unsaved
/// draft back from the browser.
/// </summary>
public sealed partial class TwoInstancesSmokeTests(ProxiedInstances instances) : IClassFixture<ProxiedInstances>
{
    private const string VisitTitle = "Visit saved behind the proxy";
    private const string DraftTitle = "Draft kept when an instance dies";

    // Set on a page before the instance dies; gone once the page has been loaded again.
    private const string Mark = "window.__beforeTheInstanceDied = true";
    private const string ReloadedAndInteractive = "() => window.__beforeTheInstanceDied === undefined && document.querySelector('[data-circuit-ready]') !== null";

    [ProxiedFact]
    public async Task An_edit_reaches_the_other_instance_and_when_one_dies_the_other_serves_its_readers_and_the_editor_keeps_the_draft()
    {
        Assert.Equal(2, ProxiedInstances.Instances.Count);

        // The editor signs in and adds a visit.
        await using var editorBrowser = await instances.NewContextAsync();
        var editorPage = await editorBrowser.NewPageAsync();
        var editorInstance = Upstream(await editorPage.GotoAsync("/account/sign-in?returnUrl=%2Fevents%2Fnew"));
        await editorPage.GetByLabel("Email").FillAsync(ProxiedInstances.EditorEmail);
        await editorPage.GetByLabel("Password").FillAsync(ProxiedInstances.EditorPassword);
        await editorPage.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await editorPage.WaitForURLAsync(url => url.EndsWith("/events/new", StringComparison.Ordinal));
        await BrowserTest.WaitForCircuitAsync(editorPage);
        var editor = new EditorPage(editorPage);
        await FillVisitAsync(editor);
        await editor.SaveAsync(isNew: true);
        await Assertions.Expect(editorPage).ToHaveURLAsync(EventPage());
        var eventPath = new Uri(editorPage.Url).AbsolutePath;
        await Screenshot(editorPage, "scale-out-editor-saved");

        // A second browser, on the other instance, has it on its timeline and its page at once.
        var (readerBrowser, readerPage) = await BrowserOnAsync(instance => instance != editorInstance, "/?year=2033");
        await using (readerBrowser)
        {
            await Assertions.Expect(readerPage.GetByText(VisitTitle).First).ToBeVisibleAsync();
            await readerPage.GotoAsync(eventPath);
            await Assertions.Expect(readerPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(VisitTitle);
            await Screenshot(readerPage, "scale-out-reader-other-instance");
        }

        // The editor starts another visit and leaves it unsaved (the draft is kept in the browser as they type).
        await editorPage.GotoAsync("/events/new");
        await BrowserTest.WaitForCircuitAsync(editorPage);
        await editor.Title.FillAsync(DraftTitle);
        await editor.Leg(1).City.FillAsync("Vladivostok");
        await editor.Leg(1).City.PressAsync("Tab");
        await editorPage.WaitForFunctionAsync("() => (localStorage.getItem('diplomacy-draft:new') || '').includes('Vladivostok')");

        // A reader on the editor's instance, its circuit up.
        var (sameBrowser, samePage) = await BrowserOnAsync(instance => instance == editorInstance, "/?year=2033");
        await using (sameBrowser)
        {
            await BrowserTest.WaitForCircuitAsync(samePage);
            await samePage.EvaluateAsync(Mark);
            await editorPage.EvaluateAsync(Mark);

            ProxiedInstances.Kill(editorInstance);

            // The reader's page reloads by itself onto the other instance and is interactive again.
            await samePage.WaitForFunctionAsync(ReloadedAndInteractive, null, new() { Timeout = 90_000 });
            Assert.NotEqual(editorInstance, await UpstreamFromPageAsync(samePage));
            await Assertions.Expect(samePage.GetByText(VisitTitle).First).ToBeVisibleAsync();
            await Screenshot(samePage, "scale-out-reader-after-instance-died");
        }

        // So does the editor's: still signed in (the cookie is read by the other instance), the draft offered back.
        await editorPage.WaitForFunctionAsync(ReloadedAndInteractive, null, new() { Timeout = 90_000 });
        Assert.NotEqual(editorInstance, await UpstreamFromPageAsync(editorPage));
        await editor.Button("Restore draft").ClickAsync();
        await Assertions.Expect(editor.Title).ToHaveValueAsync(DraftTitle);
        await Assertions.Expect(editor.Leg(1).City).ToHaveValueAsync("Vladivostok");
        await Screenshot(editorPage, "scale-out-editor-draft-after-instance-died");
    }

    private static async Task FillVisitAsync(EditorPage editor)
    {
        await editor.Title.FillAsync(VisitTitle);
        await MudControls.ChooseAsync(editor.Status, "Announced");
        await EditorPage.FillDateAsync(editor.StartDate, "2033-05-10");
        await EditorPage.FillDateAsync(editor.EndDate, "2033-05-12");
        await editor.Participant(1).PickPersonAsync("Xi", "Xi Jinping");
        await editor.Participant(1).Role.FillAsync("President of China");
        await editor.Leg(1).City.FillAsync("Harbin");
        await editor.Leg(1).Country.FillAsync("China");
        await editor.Button("Add source").ClickAsync();
        await editor.Source(1).Title.FillAsync("Report of the proxied visit");
        await editor.Source(1).Url.FillAsync("https://example.org/proxied-visit");
        await editor.Source(1).OutletUnknown.CheckAsync();
        await editor.Source(1).PublishedUnknown.CheckAsync();
    }

    /// <summary>A new browser whose first page the proxy sent to an instance <paramref name="wanted"/> accepts (the
    /// proxy places new browsers at random, then keeps each on its instance).</summary>
    private async Task<(IBrowserContext Browser, IPage Page)> BrowserOnAsync(Func<string, bool> wanted, string path)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var browser = await instances.NewContextAsync();
            var page = await browser.NewPageAsync();
            if (wanted(Upstream(await page.GotoAsync(path))))
            {
                return (browser, page);
            }

            await browser.DisposeAsync();
        }

        throw new InvalidOperationException("The proxy never placed a new browser on the wanted instance.");
    }

    private static string Upstream(IResponse? response) =>
        response?.Headers.TryGetValue("x-upstream", out var upstream) == true ? Answered(upstream) : throw new InvalidOperationException("No X-Upstream header: is this the proxy the script started?");

    // Where the proxy sends this browser's requests now (the same cookie as the page's).
    private static async Task<string> UpstreamFromPageAsync(IPage page) =>
        Answered(await page.EvaluateAsync<string>("async () => (await fetch('/health', { cache: 'no-store' })).headers.get('x-upstream')"));

    // nginx lists every instance it tried ("127.0.0.1:5081, 127.0.0.1:5082" when the first was down): the last answered.
    private static string Answered(string upstreams) => upstreams.Split(',').Last().Trim();

    private static async Task Screenshot(IPage page, string name)
    {
        var directory = Path.Combine(DiplomacyTracker.Testing.RepositoryPaths.Artifacts, "screenshots");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }

    [GeneratedRegex("/events/\\d+$")]
    private static partial Regex EventPage();
}
