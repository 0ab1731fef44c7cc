using System.Text.RegularExpressions;
using DiplomacyTracker.BrowserTests.Pages;
using DiplomacyTracker.Data;
using DiplomacyTracker.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DiplomacyTracker.BrowserTests.Editing;

/// <summary>The editing app whose disk can be made "full".</summary>
public sealed class FullDiskBrowserFixture : EditingBrowserFixture
{
    public DiskLimit Disk { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Disk.AddTo(builder);
    }
}

public sealed partial class FullDiskEditorTests(FullDiskBrowserFixture fixture) : BrowserTest(fixture), IClassFixture<FullDiskBrowserFixture>
{
    [Fact]
    public Task On_a_full_disk_the_editor_says_so_keeps_what_was_typed_and_saves_once_space_returns() => WithPageAsync(async page =>
    {
        var disk = ((FullDiskBrowserFixture)Fixture).Disk;
        await EditingBrowserFixture.SignInAsync(page, "/events/new");
        var editor = new EditorPage(page);
        await WaitForCircuitAsync(page);
        await editor.Title.FillAsync("Visit typed while the disk was full");
        await MudControls.ChooseAsync(editor.Status, "Announced");
        await EditorPage.FillDateAsync(editor.StartDate, "2041-05-02");
        await editor.Participant(1).PickPersonAsync("Xi", "Xi Jinping");
        await editor.Leg(1).City.FillAsync("Shanghai");
        await editor.Leg(1).Country.FillAsync("China");
        await editor.Button("Add source").ClickAsync();
        await editor.Source(1).Title.FillAsync("A long report");
        await editor.Source(1).OutletUnknown.CheckAsync();
        await editor.Source(1).PublishedUnknown.CheckAsync();
        await editor.Source(1).Text.FillAsync(string.Concat(Enumerable.Repeat("A long article about the visit. ", 5000)));

        await using (var db = Fixture.KestrelServices.GetRequiredService<IDbContextFactory<DiplomacyDbContext>>().CreateDbContext())
        {
            disk.MaxPages = DiskLimit.PageCount(db) + 2;
        }

        try
        {
            await editor.SaveAsync(isNew: true);
            var alert = editor.Alert("the server's disk is full");
            await Assertions.Expect(alert).ToBeVisibleAsync();
            await Assertions.Expect(alert).ToContainTextAsync("Everything you typed is still here");
            await Assertions.Expect(editor.Title).ToHaveValueAsync("Visit typed while the disk was full");
            await Assertions.Expect(editor.Leg(1).City).ToHaveValueAsync("Shanghai");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/events/new$"));
            await SaveScreenshotAsync(page, "editor-disk-full");
        }
        finally
        {
            disk.MaxPages = null;
        }

        await editor.SaveAsync(isNew: true);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/events/\\d+$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Visit typed while the disk was full");
    });
}
