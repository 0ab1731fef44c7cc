using System.Globalization;
using System.Text.RegularExpressions;

namespace DiplomacyTracker.Tests.Seeding;

/// <summary>A date an English sentence prints, with only the parts it prints ("December 21st" has no year).</summary>
public sealed record DateMention(int? Year, int? Month, int? Day)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Year?.ToString("D4", CultureInfo.InvariantCulture) ?? "????"}-{Month?.ToString("D2", CultureInfo.InvariantCulture) ?? "??"}-{Day?.ToString("D2", CultureInfo.InvariantCulture) ?? "??"}");
}

/// <summary>
/// A deliberately small reader of the plain English date forms the articles use ("May 16, 2024", "March 17th, 2023",
/// "March 20th to 22nd", "16 May 2024", "June 2019", "October of the same year", "2013"), independent of the app's
/// <c>PartialDate</c>, so the seed's "means" values are checked against what the quoted words actually say.
/// </summary>
public static partial class EnglishDateMentions
{
    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];

    public static IReadOnlyList<DateMention> Find(string text)
    {
        var mentions = new List<DateMention>();
        foreach (Match match in DatePattern().Matches(text))
        {
            if (match.Groups["m1"].Success)
            {
                Add(mentions, Year(match.Groups["y1"]), Month(match.Groups["m1"].Value), Number(match.Groups["d1"]));
            }
            else if (match.Groups["m2"].Success)
            {
                var year = Year(match.Groups["y2"]);
                var month = Month(match.Groups["m2"].Value);
                Add(mentions, year, month, Number(match.Groups["d2"]));
                if (match.Groups["r2"].Success)
                {
                    Add(mentions, year, month, Number(match.Groups["r2"]));
                }
            }
            else
            {
                Add(mentions, Year(match.Groups["y3"]), null, null);
            }
        }

        return mentions;
    }

    private static void Add(List<DateMention> mentions, int? year, int? month, int? day)
    {
        // Leap-year-safe check when the year is not printed: 2024 has a 29 February.
        if (day is not null && (day < 1 || day > DateTime.DaysInMonth(year ?? 2024, month!.Value)))
        {
            return;
        }

        mentions.Add(new DateMention(year, month, day));
    }

    private static int Month(string name) => Array.IndexOf(MonthNames, name) + 1;

    private static int? Number(Group group) => group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : null;

    private static int? Year(Group group) => Number(group);

    // Month names are matched case-sensitively, so the verb "may" is not read as a month.
    [GeneratedRegex("""
        \b(?<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?<m1>January|February|March|April|May|June|July|August|September|October|November|December)\b(?:,?\s+(?<y1>\d{4})\b)?
        |\b(?<m2>January|February|March|April|May|June|July|August|September|October|November|December)\b
           (?:\s+(?<d2>\d{1,2})(?:st|nd|rd|th)?(?!\d)(?:\s*(?:to|–|-)\s*(?<r2>\d{1,2})(?:st|nd|rd|th)?(?!\d))?)?
           (?:,?\s+(?:of\s+)?(?<y2>\d{4})\b)?
        |\b(?<y3>(?:1[89]|20)\d{2})\b
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();
}
