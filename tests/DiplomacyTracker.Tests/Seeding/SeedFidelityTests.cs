using System.Text;
using DiplomacyTracker.Data;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Seeding;
using DiplomacyTracker.Data.Statements;
using DiplomacyTracker.Testing;
using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Tests.Seeding;

/// <summary>
/// The seeded database holds what data/seed/*.json and data/articles/*.txt say, once each: articles byte-for-byte,
/// statements verbatim at their place in the article, one row per event however many articles report it.
/// Every expected number is derived from the seed files.
/// </summary>
public sealed class SeedFidelityTests(DiplomacyAppFactory app) : IClassFixture<DiplomacyAppFactory>
{
    private readonly SeedFile seed = SeedFile.Load(RepositoryPaths.Data);

    private IEnumerable<SeedStatement> SeedStatements => seed.Events.SelectMany(e => e.Statements ?? []);

    [Fact]
    public async Task Every_source_stores_its_article_byte_for_byte()
    {
        await using var db = app.CreateDbContext();
        var sources = await db.Sources.Where(s => s.SeedKey != null).ToListAsync();

        Assert.Equal(seed.Sources.Select(s => (s.Key, s.File)).Order(), sources.Select(s => (s.SeedKey!, s.FileName!)).Order());
        foreach (var source in sources)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Data, "articles", source.FileName!));
            var expected = Encoding.UTF8.GetString(bytes);
            Assert.NotEmpty(expected);
            Assert.True(expected == source.Text, $"{source.FileName}: stored text ({source.Text.Length} chars) differs from the file ({expected.Length} chars).");
        }
    }

    [Fact]
    public async Task Every_statement_is_verbatim_in_its_source_and_its_offset_points_at_it()
    {
        await using var db = app.CreateDbContext();
        var statements = await db.Statements.AsNoTracking().Include(s => s.Source).Where(s => s.SeedKey != null).ToListAsync();

        var expected = SeedStatements.ToDictionary(s => s.Key, StringComparer.Ordinal);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), statements.Select(s => s.SeedKey!).Order(StringComparer.Ordinal));
        Assert.Contains(statements, s => s.Kind == StatementKind.Quotation);
        Assert.Contains(statements, s => s.Kind == StatementKind.Paraphrase);

        foreach (var statement in statements)
        {
            var item = expected[statement.SeedKey!];
            Assert.Equal(Enum.Parse<StatementKind>(item.Kind), statement.Kind);
            Assert.Equal(item.Text, statement.Text);
            Assert.NotNull(statement.Source);
            Assert.Equal(item.Source, statement.Source.SeedKey);
            Assert.True(
                statement.Source.Text.Contains(statement.Text, StringComparison.Ordinal),
                $"{statement.SeedKey} ({statement.Kind}) is not verbatim in {statement.Source.FileName}: \"{statement.Text}\"");
            Assert.True(statement.SourceOffset is not null, $"{statement.SeedKey} has no offset into its source.");
            var offset = statement.SourceOffset.Value;
            Assert.InRange(offset, 0, statement.Source.Text.Length - statement.Text.Length);
            Assert.Equal(statement.Text, statement.Source.Text.Substring(offset, statement.Text.Length));
        }
    }

    [Fact]
    public async Task Every_seed_event_is_stored_once_with_its_sources_people_places_topics_and_documents()
    {
        await using var db = app.CreateDbContext();
        var events = await LoadEventsAsync(db);
        Assert.Equal(seed.Events.Select(e => e.Key).Order(StringComparer.Ordinal), events.Select(e => e.SeedKey!).Order(StringComparer.Ordinal));

        foreach (var item in seed.Events)
        {
            var stored = events.Single(e => e.SeedKey == item.Key);
            Assert.Equal(item.Title, stored.Title);
            Assert.Equal(item.Type, stored.Type.ToString());
            Assert.Equal(item.Status, stored.Status.ToString());
            Assert.Equal(item.HostSide, stored.HostSide.ToString());
            Assert.Equal(item.MentionedOnly, stored.IsMentionedOnly);
            Assert.Equal(item.DateNote, stored.DateNote);
            Assert.Equal(item.Sources.Order(StringComparer.Ordinal), stored.Sources.Select(s => s.SeedKey!).Order(StringComparer.Ordinal));
            Assert.Equal((item.Topics ?? []).Order(StringComparer.Ordinal), stored.Topics.Select(t => t.Slug).Order(StringComparer.Ordinal));

            // The role each person held at the time of this event, not their best-known one.
            Assert.Equal(
                (item.Participants ?? []).Select(p => (p.Person, p.Role)).Order(),
                stored.Participants.Select(p => (p.Person!.Slug, p.Role)).Order());

            var legs = stored.Legs.OrderBy(l => l.Position).ToList();
            Assert.Equal(
                (item.Legs ?? []).Select(l => (l.City, l.Country, l.Site, string.Join(",", (l.Attendees ?? []).Order(StringComparer.Ordinal)))),
                legs.Select(l => (l.City, l.Country, l.Site, string.Join(",", l.Attendees.Select(a => a.Slug).Order(StringComparer.Ordinal)))));

            Assert.Equal(
                (item.Documents ?? []).Select(d => (d.Key, d.Title, d.Kind, d.Source)).Order(),
                stored.Documents.Select(d => (d.SeedKey!, d.Title, d.Kind.ToString(), d.Source!.SeedKey!)).Order());
        }
    }

    [Fact]
    public async Task Each_article_has_the_events_participants_statements_and_documents_the_seed_gives_it()
    {
        await using var db = app.CreateDbContext();
        var events = await LoadEventsAsync(db);
        var statements = await db.Statements.AsNoTracking().Include(s => s.Source).ToListAsync();

        foreach (var source in seed.Sources)
        {
            var seedEvents = seed.Events.Where(e => e.Sources.Contains(source.Key)).ToList();
            var storedEvents = events.Where(e => e.Sources.Any(s => s.SeedKey == source.Key)).ToList();
            Assert.True(seedEvents.Count > 0, $"The seed gives {source.Key} no event.");

            Assert.True(seedEvents.Count == storedEvents.Count, $"{source.Key}: {storedEvents.Count} events stored, the seed gives {seedEvents.Count}.");
            Assert.Equal(
                seedEvents.SelectMany(e => e.Participants ?? []).Select(p => p.Person).Distinct().Order(StringComparer.Ordinal),
                storedEvents.SelectMany(e => e.Participants).Select(p => p.Person!.Slug).Distinct().Order(StringComparer.Ordinal));
            Assert.Equal(
                SeedStatements.Count(s => s.Source == source.Key),
                statements.Count(s => s.Source?.SeedKey == source.Key));
            Assert.Equal(
                seed.Events.SelectMany(e => e.Documents ?? []).Count(d => d.Source == source.Key),
                events.SelectMany(e => e.Documents).Count(d => d.Source?.SeedKey == source.Key));
        }
    }

    [Fact]
    public async Task People_are_stored_once_each_by_slug_and_by_english_name()
    {
        await using var db = app.CreateDbContext();
        var people = await db.People.ToListAsync();

        Assert.Equal(seed.People.Select(p => p.Key).Order(StringComparer.Ordinal), people.Select(p => p.Slug).Order(StringComparer.Ordinal));
        Assert.Equal(people.Count, people.Select(p => p.Slug).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(people.Count, people.Select(p => p.NameEn.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var person in seed.People)
        {
            var stored = people.Single(p => p.Slug == person.Key);
            Assert.Equal((person.NameEn, person.NameZh, person.NameRu, person.Country), (stored.NameEn, stored.NameZh, stored.NameRu, stored.Country.ToString()));
        }
    }

    [Fact]
    public async Task No_two_events_share_a_title_and_a_start_date()
    {
        await using var db = app.CreateDbContext();
        var events = await db.Events.IgnoreQueryFilters().ToListAsync();

        var duplicates = events.GroupBy(e => (e.Title, Start: e.Start.ToIso())).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }

    [Fact]
    public async Task An_event_reported_by_several_articles_is_one_row_linked_to_each()
    {
        await using var db = app.CreateDbContext();
        var events = await LoadEventsAsync(db);
        var shared = seed.Events.Where(e => e.Sources.Count > 1).ToList();
        Assert.NotEmpty(shared);

        foreach (var item in shared)
        {
            var rows = events.Where(e => e.Title == item.Title && e.Start.ToIso() == item.Start?.TrimStart('~')).ToList();
            var row = Assert.Single(rows);
            Assert.Equal(item.Sources.Order(StringComparer.Ordinal), row.Sources.Select(s => s.SeedKey!).Order(StringComparer.Ordinal));
        }

        // The case a reader meets first: Putin's May 2024 state visit, reported by both 002 and 004.
        var visit = Assert.Single(events, e => e.Type == EventType.StateVisit && e.Start.ToIso() == "2024-05-16" && e.Participants.Any(p => p.Person!.Slug == EventQueries.PutinSlug));
        Assert.Equal(["002_5f0d9263cf5a718c.txt", "004_37a751de5c4e9173.txt"], visit.Sources.Select(s => s.FileName!).Order(StringComparer.Ordinal));
    }

    private static Task<List<Event>> LoadEventsAsync(DiplomacyDbContext db) =>
        db.Events.AsNoTracking().AsSplitQuery()
            .Include(e => e.Sources)
            .Include(e => e.Topics)
            .Include(e => e.Participants).ThenInclude(p => p.Person)
            .Include(e => e.Legs).ThenInclude(l => l.Attendees)
            .Include(e => e.Documents).ThenInclude(d => d.Source)
            .Where(e => e.SeedKey != null)
            .ToListAsync();
}
