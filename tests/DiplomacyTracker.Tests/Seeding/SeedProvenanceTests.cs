using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Seeding;
using DiplomacyTracker.Testing;

namespace DiplomacyTracker.Tests.Seeding;

/// <summary>
/// Each seeded source gives the outlet and publication date its article states, or its notes say the article does not:
/// the provenance rule for new sources, held to by the curated ones.
/// </summary>
public sealed class SeedProvenanceTests
{
    private static readonly SeedFile Seed = SeedFile.Load(RepositoryPaths.Data);

    public static TheoryData<string> Sources => [.. Seed.Sources.Select(s => s.Key)];

    [Theory]
    [MemberData(nameof(Sources))]
    public void Outlet_is_given_or_the_notes_say_the_article_names_none(string key)
    {
        var source = Seed.Sources.Single(s => s.Key == key);
        if (source.Outlet is { } outlet)
        {
            // An outlet on record is one the article prints.
            Assert.Contains(outlet, source.Text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Matches("(no|not name|prints no)[^.]*(outlet|publisher)|(outlet|publisher)[^.]*(not|no)", source.Notes ?? string.Empty);
        }
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Publication_date_is_given_or_the_notes_say_the_article_prints_none(string key)
    {
        var source = Seed.Sources.Single(s => s.Key == key);
        if (PartialDate.Parse(source.PublishedOn) is { IsKnown: true } published)
        {
            // The article prints it, in the words English dates are written in ("May 16, 2024").
            Assert.Contains(published.Earliest!.Value.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture), source.Text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Matches("(no|gives no|prints no)[^.]*date|date[^.]*(not|no)", source.Notes ?? string.Empty);
        }
    }
}
