using System.Text.RegularExpressions;
using DiplomacyTracker.Data.Seeding;
using DiplomacyTracker.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DiplomacyTracker.Tests.Seeding;

/// <summary>
/// Text meant for readers never names an article by its internal seed key ("a004"). Its own database, because the
/// test migrates it down and up again.
/// </summary>
public sealed partial class ReaderFacingNotesTests(DiplomacyAppFactory app) : IClassFixture<DiplomacyAppFactory>
{
    private const string MigrationBefore = "20261125025443_EfCore10ModelSnapshot";

    [Fact]
    public void The_seed_names_articles_as_readers_know_them_not_by_key()
    {
        var seed = SeedFile.Load(RepositoryPaths.Data);
        var readerTexts = seed.Events.Select(e => e.DateNote).Concat(seed.Events.Select(e => e.Summary)).Concat(seed.People.Select(p => p.Description));
        Assert.DoesNotContain(readerTexts, text => text is not null && ArticleKey().IsMatch(text));
    }

    [SqliteFact("replays a SQLite migration from before PostgreSQL existed")]
    public async Task A_database_seeded_with_keys_gets_reader_names_and_an_editors_own_note_is_left_alone()
    {
        await using var db = app.CreateDbContext();
        var migrator = db.GetService<IMigrator>();

        // As a database seeded before the change: the old notes, with keys.
        await migrator.MigrateAsync(MigrationBefore);
        var notes = await db.Events.AsNoTracking().Where(e => e.SeedKey != null && e.DateNote != null).Select(e => new { e.SeedKey, e.DateNote }).ToListAsync();
        var keyed = notes.Where(n => ArticleKey().IsMatch(n.DateNote!)).ToList();
        Assert.True(keyed.Count >= 9, $"Expected the old seeded notes with article keys, found {keyed.Count}.");

        // An editor rewrote one of them in the meantime.
        const string EditorsNote = "Rewritten by an editor, who mentions a004 on purpose.";
        var edited = keyed[0].SeedKey;
        await db.Events.Where(e => e.SeedKey == edited).ExecuteUpdateAsync(s => s.SetProperty(e => e.DateNote, EditorsNote));

        await migrator.MigrateAsync();

        var after = await db.Events.AsNoTracking().Where(e => e.SeedKey != null && e.DateNote != null).ToDictionaryAsync(e => e.SeedKey!, e => e.DateNote!);
        Assert.Equal(EditorsNote, after[edited!]);
        Assert.All(after.Where(n => n.Key != edited), n => Assert.DoesNotMatch(ArticleKey(), n.Value));
        Assert.Contains("the 16 May 2024 report on Putin's visit", after["2024-05-putin-state-visit-china"], StringComparison.Ordinal);
        var medvedev = await db.People.AsNoTracking().SingleAsync(p => p.SeedKey == "dmitry-medvedev");
        Assert.DoesNotMatch(ArticleKey(), medvedev.Description!);
    }

    [GeneratedRegex(@"\ba00\d\b")]
    private static partial Regex ArticleKey();
}
