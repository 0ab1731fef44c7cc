using DiplomacyTracker.Data.Common;

namespace DiplomacyTracker.Tests.Common;

public sealed class PartialDateTests
{
    [Theory]
    [InlineData("2024-05-16", DatePrecision.Day, 2024, 5, 16)]
    [InlineData("2024-05", DatePrecision.Month, 2024, 5, null)]
    [InlineData("2024", DatePrecision.Year, 2024, null, null)]
    public void Parse_reads_each_precision_and_ToIso_gives_the_same_text_back(string iso, DatePrecision precision, int year, int? month, int? day)
    {
        var date = PartialDate.Parse(iso);

        Assert.Equal(precision, date.Precision);
        Assert.Equal((year, month, day), (date.Year!.Value, date.Month, date.Day));
        Assert.False(date.IsApproximate);
        Assert.True(date.IsKnown);
        Assert.Equal(iso, date.ToIso());
        Assert.Equal(date, PartialDate.Parse(date.ToIso()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_text_is_an_unknown_date(string? iso)
    {
        var date = PartialDate.Parse(iso);

        Assert.Equal(PartialDate.Unknown, date);
        Assert.False(date.IsKnown);
        Assert.Null(date.ToIso());
        Assert.Null(date.Year);
    }

    [Theory]
    [InlineData("~2022-12-20", DatePrecision.Day)]
    [InlineData("~2022-12", DatePrecision.Month)]
    [InlineData("~1949", DatePrecision.Year)]
    public void A_leading_tilde_marks_the_date_approximate_at_its_precision(string iso, DatePrecision precision)
    {
        var date = PartialDate.Parse(iso);

        Assert.True(date.IsApproximate);
        Assert.Equal(precision, date.Precision);
        Assert.Equal(iso[1..], date.ToIso());
        Assert.NotEqual(PartialDate.Parse(iso[1..]), date);
        Assert.Equal(PartialDate.Parse(iso[1..]).AsApproximate(), date);
    }

    [Theory]
    [InlineData("2023-02-30")]
    [InlineData("2023-02-29")]
    [InlineData("23")]
    [InlineData("2023-13")]
    [InlineData("2023-00")]
    [InlineData("2023-05-16-01")]
    [InlineData("May 2024")]
    [InlineData("2024-05-1x")]
    [InlineData("~")]
    public void Text_that_is_not_a_calendar_date_is_rejected(string iso)
    {
        Assert.False(PartialDate.TryParse(iso, out var date));
        Assert.Equal(PartialDate.Unknown, date);
        Assert.Throws<FormatException>(() => PartialDate.Parse(iso));
    }

    [Fact]
    public void A_29_February_is_accepted_in_a_leap_year_only() =>
        Assert.Equal(29, PartialDate.Parse("2024-02-29").Day);

    [Fact]
    public void Factories_refuse_dates_that_do_not_exist()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PartialDate.OfDay(2023, 2, 30));
        Assert.Throws<ArgumentOutOfRangeException>(() => PartialDate.OfMonth(2023, 13));
        Assert.Throws<ArgumentOutOfRangeException>(() => PartialDate.OfYear(0));
    }

    [Theory]
    [InlineData("2024-05-16", "16 May 2024")]
    [InlineData("2024-05", "May 2024")]
    [InlineData("2024", "2024")]
    [InlineData("", "date unknown")]
    [InlineData("~2022-12-21", "c. 21 December 2022")]
    [InlineData("~2022-12", "c. December 2022")]
    [InlineData("~1949", "c. 1949")]
    public void ToString_shows_only_the_parts_the_date_has(string iso, string expected) =>
        Assert.Equal(expected, PartialDate.Parse(iso).ToString());

    [Fact]
    public void An_unknown_date_is_never_approximate() =>
        Assert.Equal("date unknown", PartialDate.Unknown.AsApproximate().ToString());

    [Theory]
    [InlineData("2023-03-20", "2023-03-22", "20–22 March 2023")]
    [InlineData("2024-05-16", "2024-05-17", "16–17 May 2024")]
    [InlineData("~2022-12-20", "~2022-12-21", "c. 20–21 December 2022")]
    [InlineData("2024-04-30", "2024-05-02", "30 April – 2 May 2024")]
    [InlineData("2023-12-31", "2024-01-01", "31 December 2023 – 1 January 2024")]
    [InlineData("2024-05-16", "", "16 May 2024")]
    [InlineData("2024-05-16", "2024-05-16", "16 May 2024")]
    [InlineData("2023-10", "", "October 2023")]
    [InlineData("", "2024-05", "until May 2024")]
    [InlineData("", "", "date unknown")]
    [InlineData("2023-10", "2024-05-16", "October 2023 – 16 May 2024")]
    public void FormatRange_shares_the_month_and_year_where_it_can(string start, string end, string expected) =>
        Assert.Equal(expected, PartialDate.FormatRange(PartialDate.Parse(start), PartialDate.Parse(end)));

    [Fact]
    public void SortKey_orders_by_date_coarser_dates_first_within_their_span_and_unknown_last()
    {
        string[] shuffled = ["", "2024-05-16", "1949", "2024", "2023-10", "2024-05", "~2022-12-20", "2013"];

        var ordered = shuffled.Select(PartialDate.Parse).OrderBy(d => d.SortKey).Select(d => d.IsKnown ? d.ToIso() : "unknown");

        Assert.Equal(["1949", "2013", "2022-12-20", "2023-10", "2024", "2024-05", "2024-05-16", "unknown"], ordered);
        Assert.Equal(20240516, PartialDate.Parse("2024-05-16").SortKey);
        Assert.Equal(PartialDate.Parse("2022-12-20").SortKey, PartialDate.Parse("~2022-12-20").SortKey);
    }

    [Theory]
    [InlineData("2024", "2024-01-01", "2024-12-31")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29")]
    [InlineData("2023-02", "2023-02-01", "2023-02-28")]
    [InlineData("~2022-12", "2022-12-01", "2022-12-31")]
    [InlineData("2024-05-16", "2024-05-16", "2024-05-16")]
    public void Earliest_and_latest_are_the_first_and_last_day_the_date_can_mean(string iso, string earliest, string latest)
    {
        var date = PartialDate.Parse(iso);

        Assert.Equal(DateOnly.Parse(earliest, System.Globalization.CultureInfo.InvariantCulture), date.Earliest);
        Assert.Equal(DateOnly.Parse(latest, System.Globalization.CultureInfo.InvariantCulture), date.Latest);
    }

    [Fact]
    public void An_unknown_date_has_no_earliest_or_latest_day()
    {
        Assert.Null(PartialDate.Unknown.Earliest);
        Assert.Null(PartialDate.Unknown.Latest);
    }
}
