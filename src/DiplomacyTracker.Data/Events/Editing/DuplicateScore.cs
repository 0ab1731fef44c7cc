using System.Globalization;
using System.Text;
using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Places;

namespace DiplomacyTracker.Data.Events.Editing;

/// <summary>What the duplicate check compares of an event: its title, dates, places and people.</summary>
/// <param name="PersonIds">Recorded people taking part.</param>
/// <param name="OtherPeople">People taking part who are not recorded yet (new names in a draft): they count towards
/// the size of the list but can match nobody.</param>
public sealed record DuplicateSubject(
    string Title,
    PartialDate Start,
    PartialDate End,
    IReadOnlyList<(string City, string Country)> Places,
    IReadOnlyCollection<int> PersonIds,
    int OtherPeople = 0)
{
    public int PeopleCount => PersonIds.Count + OtherPeople;

    /// <summary>True when anything the duplicate check compares differs from <paramref name="other"/>.</summary>
    public bool Differs(DuplicateSubject other) =>
        !string.Equals(Title.Trim(), other.Title.Trim(), StringComparison.Ordinal)
        || Start != other.Start
        || End != other.End
        || OtherPeople != other.OtherPeople
        || !PersonIds.ToHashSet().SetEquals(other.PersonIds)
        || !Places.Select(p => (p.City.Trim(), p.Country.Trim())).SequenceEqual(other.Places.Select(p => (p.City.Trim(), p.Country.Trim())));

    public static DuplicateSubject Of(EventDraft draft) => new(
        draft.Title,
        draft.Start,
        draft.End,
        draft.Legs.Select(l => (l.City, l.Country)).ToList(),
        draft.Participants.Where(p => p.PersonId > 0).Select(p => p.PersonId!.Value).ToHashSet(),
        draft.Participants.Count(p => p.PersonId is null));
}

/// <summary>How much an event looks like a saved one (0–1) and why, in words an editor reads.</summary>
public sealed record DuplicateMatch(double Score, IReadOnlyList<string> Reasons);

/// <summary>
/// Decides, as an analyst would, whether a new event is one already recorded: dates overlapping or a few days apart
/// (a date known only to the month or year overlaps every day of it, but says less), the same city or country by any
/// of its names, people in common in either direction (the saved record may list fewer or more of them), and a
/// similar title. Pure: the candidates come from <see cref="EventCommands"/>, the place names from the gazetteer.
/// </summary>
public sealed class DuplicateScore(Gazetteer gazetteer)
{
    /// <summary>Dates further apart than this are different meetings, whatever else they share.</summary>
    public const int MaxDaysApart = 3;

    /// <summary>From this score on an event is reported as a likely duplicate.</summary>
    public const double Threshold = 0.6;

    // Weights add up to 1: the date says most, then place and people, then the title (titles are worded freely).
    private const double DateWeight = 0.35;
    private const double PlaceWeight = 0.25;
    private const double PeopleWeight = 0.25;
    private const double TitleWeight = 0.15;

    // Words every title has; they say nothing about which meeting it is.
    private static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "at", "for", "in", "of", "on", "the", "to", "with", "s", "visit", "visits", "meeting", "meets", "talks",
    };

    /// <summary>The match of <paramref name="draft"/> against the saved <paramref name="saved"/>, or null when they are
    /// not the same event (dates too far apart or unknown, or nobody in common while both list people).</summary>
    public DuplicateMatch? Match(DuplicateSubject draft, DuplicateSubject saved)
    {
        if (DaysApart(draft, saved) is not { } days || days > MaxDaysApart)
        {
            return null;
        }

        var reasons = new List<string>();
        var coarsest = (DatePrecision)Math.Min((int)Precision(draft), (int)Precision(saved));
        double dateScore;
        if (days == 0)
        {
            // Overlapping with "2013" is weak evidence; overlapping to the day is strong.
            dateScore = coarsest switch { DatePrecision.Day => 1.0, DatePrecision.Month => 0.7, _ => 0.45 };
            reasons.Add(coarsest switch
            {
                DatePrecision.Day => "dates overlap",
                DatePrecision.Month => "dates overlap (one is known only to the month)",
                _ => "dates overlap (one is known only to the year)",
            });
        }
        else
        {
            dateScore = days == 1 ? 0.85 : 0.6;
            reasons.Add(days == 1 ? "dates 1 day apart" : $"dates {days} days apart");
        }

        var (placeScore, placeReason) = ComparePlaces(draft, saved);
        if (placeReason is not null)
        {
            reasons.Add(placeReason);
        }

        var common = draft.PersonIds.Intersect(saved.PersonIds).Count();
        var smaller = Math.Min(draft.PeopleCount, saved.PeopleCount);
        double peopleScore;
        if (smaller == 0)
        {
            // One side lists nobody (a mentioned-only event): neither for nor against.
            peopleScore = 0.4;
        }
        else if (common == 0)
        {
            return null;
        }
        else
        {
            // Either list may be the longer one: the saved record lists only Xi, the new one adds Lavrov.
            peopleScore = (double)common / smaller;
            reasons.Add($"{common} of {smaller} participants in common");
        }

        var titleScore = TitleSimilarity(draft.Title, saved.Title);
        if (titleScore >= 0.5)
        {
            reasons.Add("similar title");
        }

        var score = (DateWeight * dateScore) + (PlaceWeight * placeScore) + (PeopleWeight * peopleScore) + (TitleWeight * titleScore);
        return score >= Threshold ? new DuplicateMatch(Math.Round(score, 2), reasons) : null;
    }

    /// <summary>Days between the two events' spans (0 when they overlap), or null when either date is unknown.</summary>
    public static int? DaysApart(DuplicateSubject a, DuplicateSubject b)
    {
        if (Span(a) is not var (aFirst, aLast) || Span(b) is not var (bFirst, bLast))
        {
            return null;
        }

        var gap = Math.Max(bFirst.DayNumber - aLast.DayNumber, aFirst.DayNumber - bLast.DayNumber);
        return Math.Max(0, gap);
    }

    /// <summary>Normalised token overlap (Jaccard) of two titles, 0–1: case, accents, punctuation and common words ignored.</summary>
    public static double TitleSimilarity(string? a, string? b)
    {
        var left = Tokens(a);
        var right = Tokens(b);
        if (left.Count == 0 || right.Count == 0)
        {
            return 0;
        }

        return (double)left.Intersect(right).Count() / left.Union(right).Count();
    }

    private (double Score, string? Reason) ComparePlaces(DuplicateSubject draft, DuplicateSubject saved)
    {
        if (draft.Places.Count == 0 || saved.Places.Count == 0)
        {
            // A mentioned-only event may have no place on record.
            return (0.4, null);
        }

        foreach (var (city, _) in draft.Places)
        {
            if (saved.Places.FirstOrDefault(p => gazetteer.SamePlace(p.City, city)) is { City: not null } match)
            {
                return (1.0, $"same city ({match.City})");
            }
        }

        foreach (var (_, country) in draft.Places)
        {
            if (saved.Places.FirstOrDefault(p => gazetteer.SamePlace(p.Country, country)) is { Country: not null } match)
            {
                return (0.5, $"same country ({match.Country})");
            }
        }

        return (0, null);
    }

    private static DatePrecision Precision(DuplicateSubject subject) =>
        subject.End.IsKnown && subject.End.Precision < subject.Start.Precision ? subject.End.Precision : subject.Start.Precision;

    private static (DateOnly First, DateOnly Last)? Span(DuplicateSubject subject)
    {
        if (subject.Start.Earliest is not { } first)
        {
            return null;
        }

        var last = subject.End.IsKnown && subject.End.Latest >= subject.Start.Latest ? subject.End.Latest!.Value : subject.Start.Latest!.Value;
        return (first, last);
    }

    private static HashSet<string> Tokens(string? text)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            return tokens;
        }

        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return tokens;

        void Flush()
        {
            if (word.Length > 0 && !CommonWords.Contains(word.ToString()))
            {
                tokens.Add(word.ToString());
            }

            word.Clear();
        }
    }
}
