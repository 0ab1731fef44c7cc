using DiplomacyTracker.Data;
using DiplomacyTracker.Data.Seeding;
using DiplomacyTracker.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DiplomacyTracker.Tests.Seeding;

/// <summary>
/// Restarting the app (which runs the initializer again) adds nothing, and never overwrites or brings back what
/// people edited or deleted. Its own app and database, because the test edits and deletes seeded rows.
/// </summary>
public sealed class SeedRerunTests(DiplomacyAppFactory app) : IClassFixture<DiplomacyAppFactory>
{
    private static readonly string[] Tables =
    [
        "Events", "EventLegs", "EventParticipants", "People", "Statements", "Documents", "Sources", "Topics",
        "EventSources", "EventTopics", "StatementTopics", "LegAttendees", "Places", "AppliedSeed",
    ];

    [Fact]
    public async Task Running_the_initializer_again_adds_nothing_and_keeps_edits_and_deletions()
    {
        var seed = SeedFile.Load(RepositoryPaths.Data);
        var initializer = app.Services.GetRequiredService<DatabaseInitializer>();
        var first = await CountRowsAsync();
        Assert.Equal(seed.Events.Count, first["Events"]);
        Assert.Equal(seed.Events.Sum(e => e.Statements?.Count ?? 0), first["Statements"]);

        // A second start on the same database.
        await initializer.InitializeAsync();
        Assert.Equal(first, await CountRowsAsync());

        // An editor renames an event, deletes a statement outright, and deletes a whole event.
        var renamedKey = seed.Events.First(e => !e.MentionedOnly).Key;
        var deletedEventKey = seed.Events.First(e => e.MentionedOnly && e.Key != renamedKey).Key;
        var deletedStatementKey = seed.Events.Where(e => e.Key != deletedEventKey).SelectMany(e => e.Statements ?? []).First().Key;
        const string NewTitle = "Renamed by an editor";
        int deletedEventRows;
        await using (var db = app.CreateDbContext())
        {
            var renamed = await db.Events.SingleAsync(e => e.SeedKey == renamedKey);
            renamed.Title = NewTitle;
            db.Statements.Remove(await db.Statements.SingleAsync(s => s.SeedKey == deletedStatementKey));
            var deletedEvent = await db.Events.Include(e => e.Statements).SingleAsync(e => e.SeedKey == deletedEventKey);
            deletedEventRows = deletedEvent.Statements.Count;
            db.Events.Remove(deletedEvent);
            await db.SaveChangesAsync();
        }

        var afterEdits = await CountRowsAsync();
        await initializer.InitializeAsync();
        Assert.Equal(afterEdits, await CountRowsAsync());

        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(NewTitle, (await db.Events.SingleAsync(e => e.SeedKey == renamedKey)).Title);
            Assert.False(await db.Statements.IgnoreQueryFilters().AnyAsync(s => s.SeedKey == deletedStatementKey), "A deleted statement came back.");
            Assert.False(await db.Events.IgnoreQueryFilters().AnyAsync(e => e.SeedKey == deletedEventKey), "A deleted event came back.");
            Assert.Equal(first["Statements"] - 1 - deletedEventRows, await db.Statements.IgnoreQueryFilters().CountAsync());
            Assert.Equal(first["Events"] - 1, await db.Events.IgnoreQueryFilters().CountAsync());
        }
    }

    private async Task<Dictionary<string, int>> CountRowsAsync()
    {
        await using var db = app.CreateDbContext();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in Tables)
        {
            counts[table] = await CountAsync(db, table);
        }

        return counts;
    }

    private static async Task<int> CountAsync(DiplomacyDbContext db, string table)
    {
        // Table names come from the constant list above, never from input.
#pragma warning disable EF1002
        var rows = await db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS Value FROM \"{table}\"").ToListAsync();
#pragma warning restore EF1002
        return rows.Single();
    }
}
