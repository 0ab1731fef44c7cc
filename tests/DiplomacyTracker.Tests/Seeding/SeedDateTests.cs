using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Seeding;
using DiplomacyTracker.Testing;
using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Tests.Seeding;

/// <summary>
/// The seeded dates say what the articles say: no invented day, unknown where the article gives nothing,
/// and a note wherever a date is approximate or missing.
/// </summary>
public sealed class SeedDateTests(DiplomacyAppFactory app) : IClassFixture<DiplomacyAppFactory>
{
    private const string UndatedArticle = "003_6563dcdc79f6373c.txt";

    private readonly SeedFile seed = SeedFile.Load(RepositoryPaths.Data);

    [Fact]
    public async Task Every_event_is_stored_with_the_start_and_end_the_seed_gives()
    {
        var events = await LoadEventsAsync();
        Assert.Equal(seed.Events.Count, events.Count);
        foreach (var expected in seed.Events)
        {
            var stored = events[expected.Key];
            Assert.True(NullIfEmpty(expected.Start) == AsSeedText(stored.Start), $"{expected.Key}: start {AsSeedText(stored.Start)}, seed says {expected.Start}");
            Assert.True(NullIfEmpty(expected.End) == AsSeedText(stored.End), $"{expected.Key}: end {AsSeedText(stored.End)}, seed says {expected.End}");
            Assert.Equal(stored.Start.SortKey, stored.SortKey);

            var legs = stored.Legs.OrderBy(l => l.Position).ToList();
            Assert.Equal((expected.Legs ?? []).Select(l => (NullIfEmpty(l.Start), NullIfEmpty(l.End))), legs.Select(l => (AsSeedText(l.Start), AsSeedText(l.End))));
        }
    }

    [Fact]
    public async Task Every_date_evidence_quote_is_in_its_article_and_means_the_event_start_or_end()
    {
        var events = await LoadEventsAsync();
        var evidence = seed.Events.SelectMany(e => (e.DateEvidence ?? []).Select(d => (Event: e, Evidence: d))).ToList();
        Assert.NotEmpty(evidence);

        foreach (var (item, quote) in evidence)
        {
            Assert.Contains(quote.Source, item.Sources);
            var article = seed.Sources.Single(s => s.Key == quote.Source).Text;
            Assert.True(article.Contains(quote.Quote, StringComparison.Ordinal), $"{item.Key}: \"{quote.Quote}\" is not in {quote.Source}");

            var stored = events[item.Key];
            var startAndEnd = new[] { stored.Start.ToIso(), stored.End.ToIso() };
            Assert.True(startAndEnd.Contains(quote.Means.TrimStart('~')), $"{item.Key}: evidence means {quote.Means}, but the event is {stored.Start.ToIso()} – {stored.End.ToIso()}");
        }
    }

    [Fact]
    public void Where_an_evidence_quote_prints_a_date_it_agrees_with_what_the_seed_says_it_means()
    {
        var parsed = 0;
        foreach (var (item, quote) in seed.Events.SelectMany(e => (e.DateEvidence ?? []).Select(d => (e.Key, d))))
        {
            var mentions = EnglishDateMentions.Find(quote.Quote);
            if (mentions.Count == 0)
            {
                continue; // "concluded a two-day visit": reasoning, not a printed date (the DateNote explains it).
            }

            parsed++;
            var means = PartialDate.Parse(quote.Means);
            Assert.True(
                mentions.Any(m => Agrees(m, means)),
                $"{item}: \"{quote.Quote}\" reads as {string.Join(", ", mentions)}, but the seed says it means {quote.Means}");
        }

        Assert.True(parsed >= 5, $"Only {parsed} evidence quote(s) printed a date the test could read.");
    }

    [Theory]
    [InlineData("arrived in Beijing on May 16, 2024", 2024, 5, 16)]
    [InlineData("On March 17th, 2023, the Chinese Foreign Ministry announced", 2023, 3, 17)]
    [InlineData("On Wednesday, December 21st", null, 12, 21)]
    [InlineData("agreed in June 2019", 2019, 6, null)]
    [InlineData("in October of the same year", null, 10, null)]
    [InlineData("In 2013, on the eve of a state visit", 2013, null, null)]
    [InlineData("a post dated 16 May 2024", 2024, 5, 16)]
    public void The_test_date_reader_reads_the_forms_the_articles_use(string text, int? year, int? month, int? day) =>
        Assert.Equal(new DateMention(year, month, day), Assert.Single(EnglishDateMentions.Find(text)));

    [Fact]
    public void The_test_date_reader_reads_both_ends_of_a_range_and_ignores_numbers_that_are_not_dates()
    {
        Assert.Equal([new DateMention(null, 3, 20), new DateMention(null, 3, 22)], EnglishDateMentions.Find("visiting Russia from March 20th to 22nd"));
        Assert.Empty(EnglishDateMentions.Find("Over the past 75 years, 42 meetings, the 20th National Congress; they may meet"));
        Assert.Empty(EnglishDateMentions.Find("on February 30th"));
    }

    [Fact]
    public async Task Events_from_the_undated_article_have_unknown_dates_and_say_why()
    {
        await using var db = app.CreateDbContext();
        var source = await db.Sources.SingleAsync(s => s.FileName == UndatedArticle);
        var events = await db.Events.Where(e => e.Sources.Any(s => s.Id == source.Id)).ToListAsync();

        var expected = seed.Events.Count(e => e.Sources.Contains(source.SeedKey!));
        Assert.True(expected > 0, "The seed should hold at least one event from the undated article.");
        Assert.Equal(expected, events.Count);
        foreach (var item in events)
        {
            Assert.Equal(DatePrecision.Unknown, item.Start.Precision);
            Assert.Equal(DatePrecision.Unknown, item.End.Precision);
            Assert.False(string.IsNullOrWhiteSpace(item.DateNote), $"{item.SeedKey} has no date and no note saying why.");
        }
    }

    [Fact]
    public async Task Every_approximate_or_unknown_event_date_has_a_note_explaining_it()
    {
        var events = (await LoadEventsAsync()).Values.ToList();
        Assert.Contains(events, e => e.Start.IsApproximate);

        foreach (var item in events)
        {
            var dates = new[] { item.Start, item.End }.Concat(item.Legs.SelectMany(l => new[] { l.Start, l.End }));
            if (dates.Any(d => d.IsApproximate) || !item.Start.IsKnown)
            {
                Assert.False(string.IsNullOrWhiteSpace(item.DateNote), $"{item.SeedKey} ({item.Start}) has no DateNote.");
            }
        }
    }

    [Fact]
    public async Task No_event_is_dated_to_the_day_unless_an_evidence_quote_prints_a_day()
    {
        var events = await LoadEventsAsync();
        Assert.Contains(events.Values, e => e.Start.Precision == DatePrecision.Day);

        foreach (var item in seed.Events)
        {
            var stored = events[item.Key];
            var dates = new[] { stored.Start, stored.End }.Concat(stored.Legs.SelectMany(l => new[] { l.Start, l.End }));
            if (dates.Any(d => d.Precision == DatePrecision.Day))
            {
                var printsADay = (item.DateEvidence ?? []).Any(d => EnglishDateMentions.Find(d.Quote).Any(m => m.Day is not null));
                Assert.True(printsADay, $"{item.Key} is dated to the day ({stored.Start}), but none of its evidence quotes prints a day.");
            }
        }
    }

    /// <summary>Every part both give is equal, and <paramref name="means"/> carries no month or day the words do not print.</summary>
    private static bool Agrees(DateMention mention, PartialDate means) =>
        (mention.Year is null || mention.Year == means.Year)
        && (means.Month is null || mention.Month == means.Month)
        && (means.Day is null || mention.Day == means.Day);

    private static string? AsSeedText(PartialDate date) => date.IsKnown ? (date.IsApproximate ? "~" : string.Empty) + date.ToIso() : null;

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private async Task<Dictionary<string, Event>> LoadEventsAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.Events.AsNoTracking().Include(e => e.Legs).Where(e => e.SeedKey != null).ToDictionaryAsync(e => e.SeedKey!, StringComparer.Ordinal);
    }
}
