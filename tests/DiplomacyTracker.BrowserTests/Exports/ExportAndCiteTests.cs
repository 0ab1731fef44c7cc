using System.Globalization;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using DiplomacyTracker.BrowserTests.Shell;
using Microsoft.Playwright;

namespace DiplomacyTracker.BrowserTests.Exports;

public sealed class ExportAndCiteTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1280, "desktop")]
    [InlineData(PhoneWidth, "phone")]
    public Task Timeline_export_links_carry_the_active_filter_and_download_what_it_shows(int width, string name) => WithPageAsync(async page =>
    {
        await page.GotoAsync("/?year=2024&venue=Beijing");
        await WaitForCircuitAsync(page);
        await page.GetByText("Download or subscribe (these filters)").ClickAsync();

        foreach (var (label, path) in new[]
        {
            ("Download CSV (one row per event)", "/api/exports/events.csv"),
            ("CSV (one row per leg)", "/api/exports/legs.csv"),
            ("JSON", "/api/exports/events.json"),
            ("Calendar (.ics)", "/api/exports/events.ics"),
        })
        {
            var link = page.GetByRole(AriaRole.Link, new() { Name = label, Exact = true });
            await Assertions.Expect(link).ToBeVisibleAsync();
            Assert.Equal(path + "?year=2024&venue=Beijing", await link.GetAttributeAsync("href"));
        }

        var subscribe = page.GetByLabel("Calendar subscription address");
        Assert.Equal(new Uri(Fixture.BaseAddress, "/api/exports/events.ics?year=2024&venue=Beijing").ToString(), await subscribe.InputValueAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copy address" })).ToBeVisibleAsync();

        // The link downloads exactly the filtered events: the one 2024 event in Beijing.
        var csv = await page.Context.APIRequest.GetAsync((await page.GetByRole(AriaRole.Link, new() { Name = "Download CSV (one row per event)" }).GetAttributeAsync("href"))!);
        var lines = (await csv.TextAsync()).TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Contains("Putin's state visit to China", lines[1], StringComparison.Ordinal);

        ShellTests.AssertNoSeriousViolations(await page.RunAxe());
        await SaveScreenshotAsync(page, $"timeline-exports-{name}");
    }, width);

    [Theory]
    [InlineData(1280, "desktop")]
    [InlineData(PhoneWidth, "phone")]
    public Task Cite_on_a_statement_shows_its_source_and_permalink_and_copies_it(int width, string name) => WithPageAsync(async page =>
    {
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var details = JsonDocument.Parse(await (await page.Context.APIRequest.GetAsync("/api/events/10")).TextAsync()).RootElement;
        var statement = details.GetProperty("statements").EnumerateArray().First(s => s.GetProperty("source").ValueKind == JsonValueKind.Object);
        var source = statement.GetProperty("source");
        var statementId = statement.GetProperty("id").GetInt32();

        await page.GotoAsync("/events/10");
        await WaitForCircuitAsync(page);
        await page.Locator($"#statement-{statementId}").GetByRole(AriaRole.Button, new() { Name = "Cite", Exact = true }).ClickAsync();

        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Heading, new() { Name = "Cite this statement" })).ToBeVisibleAsync();
        var today = DateTime.Now.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        var text = await dialog.Locator(".citation-text").InnerTextAsync();
        Assert.Contains(source.GetProperty("title").GetString()!, text, StringComparison.Ordinal);
        var published = source.GetProperty("publishedOn");
        Assert.Contains(published.GetProperty("precision").GetString() == "Unknown" ? ", n.d." : published.GetProperty("text").GetString()!, text, StringComparison.Ordinal);
        Assert.Contains($"(accessed {today})", text, StringComparison.Ordinal);
        Assert.Contains(new Uri(Fixture.BaseAddress, $"/events/10#statement-{statementId}").ToString(), text, StringComparison.Ordinal);

        ShellTests.AssertNoSeriousViolations(await page.RunAxe());
        // The dialog lies over the viewport, so the picture is of the viewport, not the whole page.
        await page.ScreenshotAsync(new() { Path = Path.Combine(DiplomacyTracker.Testing.RepositoryPaths.Artifacts, "screenshots", $"event-citation-{name}.png") });

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Copy citation" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Citation copied.")).ToBeVisibleAsync();
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Equal(text.Replace("\n\n", "\n", StringComparison.Ordinal).Trim(), copied.Replace("\r\n", "\n", StringComparison.Ordinal).Trim());
    }, width);

    [Fact]
    public Task Cite_this_event_lists_the_record_and_every_source() => WithPageAsync(async page =>
    {
        var details = JsonDocument.Parse(await (await page.Context.APIRequest.GetAsync("/api/events/10")).TextAsync()).RootElement;

        await page.GotoAsync("/events/10");
        await WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Cite this event" }).ClickAsync();

        var dialog = page.GetByRole(AriaRole.Dialog);
        var paragraphs = dialog.Locator(".citation-text p");
        await Assertions.Expect(paragraphs).ToHaveCountAsync(1 + details.GetProperty("sources").GetArrayLength());
        await Assertions.Expect(paragraphs.First).ToContainTextAsync("DiplomacyTracker, \u201cPutin's state visit to China\u201d");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);

        // Escape closes it too.
        await page.GetByRole(AriaRole.Button, new() { Name = "Cite this event" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Copy citation" }).FocusAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
    });
}
