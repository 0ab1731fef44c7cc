using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Events.Editing;
using DiplomacyTracker.Data.Places;
using DiplomacyTracker.Testing;

namespace DiplomacyTracker.Tests.Editing;

/// <summary>The likely-duplicate score on its own: dates, places, people and titles as an analyst compares them.</summary>
public sealed class DuplicateScoreTests
{
    private const int Xi = 1;
    private const int Putin = 2;
    private const int Lavrov = 3;
    private const int WangYi = 4;

    private static readonly DuplicateScore Score = new(Gazetteer.Load(RepositoryPaths.Data));

    private static DuplicateSubject Event(string title, PartialDate start, PartialDate end, string? city, string? country, params int[] people) =>
        new(title, start, end, city is null ? [] : [(city, country ?? string.Empty)], people);

    private static PartialDate Day(int year, int month, int day) => PartialDate.OfDay(year, month, day);

    [Fact]
    public void A_visit_known_only_to_the_year_with_fewer_people_is_the_same_as_the_dated_one_in_its_city()
    {
        // The seed's 2013 visit: "2013", Moscow, only Xi on record. The analyst's: 22–24 March 2013, Xi and Putin.
        var seeded = Event("Xi Jinping's state visit to Moscow", PartialDate.OfYear(2013), PartialDate.Unknown, "Moscow", "Russia", Xi);
        var typed = Event("Xi Jinping state visit to Russia", Day(2013, 3, 22), Day(2013, 3, 24), "Moscow", "Russia", Xi, Putin);

        var match = Assert.IsType<DuplicateMatch>(Score.Match(typed, seeded));

        Assert.Contains("same city (Moscow)", match.Reasons);
        Assert.Contains("1 of 1 participants in common", match.Reasons);
        Assert.Contains("dates overlap (one is known only to the year)", match.Reasons);
    }

    [Fact]
    public void The_same_meeting_a_day_later_and_with_a_third_participant_is_caught()
    {
        var saved = Event("Xi and Putin meet in Kazan", Day(2024, 10, 22), PartialDate.Unknown, "Kazan", "Russia", Xi, Putin);

        var dayLater = Assert.IsType<DuplicateMatch>(Score.Match(Event("Xi–Putin talks at the BRICS summit in Kazan", Day(2024, 10, 23), PartialDate.Unknown, "Kazan", "Russia", Xi, Putin), saved));
        Assert.Contains("dates 1 day apart", dayLater.Reasons);
        Assert.Contains("2 of 2 participants in common", dayLater.Reasons);

        var withLavrov = Assert.IsType<DuplicateMatch>(Score.Match(Event("Xi and Putin meet in Kazan", Day(2024, 10, 22), PartialDate.Unknown, "Kazan", "Russia", Xi, Putin, Lavrov), saved));
        Assert.Contains("dates overlap", withLavrov.Reasons);
        Assert.Contains("similar title", withLavrov.Reasons);
        Assert.True(withLavrov.Score > dayLater.Score, "The same title and day are more alike than a day apart under another title.");
    }

    [Fact]
    public void Two_meetings_in_the_same_city_a_week_apart_are_different()
    {
        var first = Event("Xi and Putin meet in Beijing", Day(2024, 5, 16), PartialDate.Unknown, "Beijing", "China", Xi, Putin);
        var second = Event("Xi and Putin meet in Beijing", Day(2024, 5, 23), PartialDate.Unknown, "Beijing", "China", Xi, Putin);

        Assert.Null(Score.Match(second, first));
        Assert.Equal(7, DuplicateScore.DaysApart(first, second));
    }

    [Fact]
    public void Other_people_meeting_in_the_same_city_on_the_same_day_are_a_different_meeting()
    {
        var summit = Event("Xi and Putin meet in Astana", Day(2024, 7, 3), PartialDate.Unknown, "Astana", "Kazakhstan", Xi, Putin);
        var ministers = Event("Wang Yi meets Lavrov in Astana", Day(2024, 7, 3), PartialDate.Unknown, "Astana", "Kazakhstan", WangYi, Lavrov);

        Assert.Null(Score.Match(ministers, summit));
    }

    [Theory]
    [InlineData("Пекин", "Beijing")]
    [InlineData("St. Petersburg", "Saint Petersburg")]
    [InlineData("Nur-Sultan", "Astana")]
    public void A_city_is_the_same_under_any_of_its_names(string typedCity, string savedCity)
    {
        var saved = Event("Talks", Day(2019, 6, 5), PartialDate.Unknown, savedCity, null, Xi, Putin);
        var typed = Event("Meeting of the leaders", Day(2019, 6, 5), PartialDate.Unknown, typedCity, null, Xi, Putin);

        var match = Assert.IsType<DuplicateMatch>(Score.Match(typed, saved));

        Assert.Contains($"same city ({savedCity})", match.Reasons);
    }

    [Fact]
    public void A_date_known_to_the_month_overlaps_every_day_of_it_but_not_the_next_month()
    {
        var month = Event("Putin's visit to Beijing", PartialDate.OfMonth(2023, 10), PartialDate.Unknown, "Beijing", "China", Xi, Putin);

        Assert.Equal(0, DuplicateScore.DaysApart(month, Event("x", Day(2023, 10, 31), PartialDate.Unknown, null, null)));
        Assert.Equal(0, DuplicateScore.DaysApart(month, Event("x", Day(2023, 10, 1), PartialDate.Unknown, null, null)));
        Assert.Equal(14, DuplicateScore.DaysApart(month, Event("x", Day(2023, 11, 14), PartialDate.Unknown, null, null)));
        Assert.Contains("dates overlap (one is known only to the month)", Score.Match(Event("Putin in Beijing for the Belt and Road forum", Day(2023, 10, 17), Day(2023, 10, 18), "Beijing", "China", Xi, Putin), month)!.Reasons);
        Assert.Null(DuplicateScore.DaysApart(month, Event("x", PartialDate.Unknown, PartialDate.Unknown, null, null)));
    }

    [Fact]
    public void A_vague_mention_with_no_place_is_not_enough_to_stop_a_dated_meeting()
    {
        // The seed's "2021: Xi calls relations better than an alliance": the year, no place, only Xi.
        var mention = Event("Xi calls relations 'better than an alliance'", PartialDate.OfYear(2021), PartialDate.Unknown, null, null, Xi);
        var call = Event("Video call between Xi and Putin", Day(2021, 6, 28), PartialDate.Unknown, "Moscow", "Russia", Xi, Putin);

        Assert.Null(Score.Match(call, mention));
    }

    [Fact]
    public void Titles_compare_by_their_words_ignoring_case_punctuation_and_common_words()
    {
        Assert.Equal(1.0, DuplicateScore.TitleSimilarity("Xi's State Visit to Moscow", "xi state visit, moscow"));
        Assert.Equal(0.0, DuplicateScore.TitleSimilarity("Medvedev in Beijing", "Naval drills"));
        Assert.Equal(0.0, DuplicateScore.TitleSimilarity("", "Naval drills"));
        Assert.InRange(DuplicateScore.TitleSimilarity("Putin's state visit to China", "Putin visits China and Harbin"), 0.4, 0.8);
    }
}
