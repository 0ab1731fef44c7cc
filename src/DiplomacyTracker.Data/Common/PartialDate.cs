using System.Globalization;
using System.Text.Json.Serialization;

namespace DiplomacyTracker.Data.Common;

/// <summary>How much of a date a source actually gives.</summary>
public enum DatePrecision
{
    Unknown = 0,
    Year = 1,
    Month = 2,
    Day = 3,
}

/// <summary>
/// The one date-with-precision type of the app: a date known to the day, the month, the year, or not at all,
/// optionally marked approximate (inferred rather than printed). Never carries a day the source did not give.
/// Stored as three nullable columns plus the precision and approximate flag (an EF Core complex type).
/// </summary>
public readonly record struct PartialDate
{
    public static readonly PartialDate Unknown;

    private PartialDate(DatePrecision precision, int? year, int? month, int? day, bool isApproximate)
    {
        Precision = precision;
        Year = year;
        Month = month;
        Day = day;
        IsApproximate = isApproximate;
    }

    public DatePrecision Precision { get; init; }
    public int? Year { get; init; }
    public int? Month { get; init; }
    public int? Day { get; init; }

    /// <summary>True when the date is inferred (e.g. the article prints no year); the reasoning lives with the owning row.</summary>
    public bool IsApproximate { get; init; }

    [JsonIgnore]
    public bool IsKnown => Precision != DatePrecision.Unknown;

    /// <summary>ISO 8601 at the date's precision (for JSON readers); see <see cref="ToIso"/>.</summary>
    public string? Iso => ToIso();

    /// <summary>The date as people read it, at its precision ("May 2024", "date unknown").</summary>
    public string Text => ToString();

    public static PartialDate OfYear(int year, bool approximate = false)
    {
        Check(year, 1, 1);
        return new PartialDate(DatePrecision.Year, year, null, null, approximate);
    }

    public static PartialDate OfMonth(int year, int month, bool approximate = false)
    {
        Check(year, month, 1);
        return new PartialDate(DatePrecision.Month, year, month, null, approximate);
    }

    public static PartialDate OfDay(int year, int month, int day, bool approximate = false)
    {
        Check(year, month, day);
        return new PartialDate(DatePrecision.Day, year, month, day, approximate);
    }

    public static PartialDate OfDay(DateOnly date, bool approximate = false) => OfDay(date.Year, date.Month, date.Day, approximate);

    public PartialDate AsApproximate(bool approximate = true) => this with { IsApproximate = approximate && IsKnown };

    /// <summary>The first calendar day the date can mean (1 Jan for a year, the 1st for a month).</summary>
    [JsonIgnore]
    public DateOnly? Earliest => Precision switch
    {
        DatePrecision.Year => new DateOnly(Year!.Value, 1, 1),
        DatePrecision.Month => new DateOnly(Year!.Value, Month!.Value, 1),
        DatePrecision.Day => new DateOnly(Year!.Value, Month!.Value, Day!.Value),
        _ => null,
    };

    /// <summary>The last calendar day the date can mean (31 Dec for a year, month end for a month).</summary>
    [JsonIgnore]
    public DateOnly? Latest => Precision switch
    {
        DatePrecision.Year => new DateOnly(Year!.Value, 12, 31),
        DatePrecision.Month => new DateOnly(Year!.Value, Month!.Value, DateTime.DaysInMonth(Year.Value, Month.Value)),
        DatePrecision.Day => new DateOnly(Year!.Value, Month!.Value, Day!.Value),
        _ => null,
    };

    /// <summary>Sortable key: yyyymmdd with missing parts as zero, unknown dates last.</summary>
    [JsonIgnore]
    public int SortKey => IsKnown ? (Year!.Value * 10000) + ((Month ?? 0) * 100) + (Day ?? 0) : 99_999_999;

    /// <summary>ISO 8601 at the date's precision: "2024-05-16", "2024-05", "2024", or null when unknown.</summary>
    public string? ToIso() => Precision switch
    {
        DatePrecision.Year => Year!.Value.ToString("D4", CultureInfo.InvariantCulture),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        DatePrecision.Day => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}"),
        _ => null,
    };

    /// <summary>Parses the <see cref="ToIso"/> form; null or empty is <see cref="Unknown"/>. A leading "~" marks it approximate.</summary>
    public static PartialDate Parse(string? iso)
    {
        if (TryParse(iso, out var date))
        {
            return date;
        }

        throw new FormatException($"'{iso}' is not a date of the form yyyy, yyyy-MM or yyyy-MM-dd.");
    }

    public static bool TryParse(string? iso, out PartialDate date)
    {
        date = Unknown;
        if (string.IsNullOrWhiteSpace(iso))
        {
            return true;
        }

        var text = iso.Trim();
        var approximate = text.StartsWith('~');
        if (approximate)
        {
            text = text[1..];
        }

        var parts = text.Split('-');
        if (parts.Length is < 1 or > 3 || parts[0].Length != 4)
        {
            return false;
        }

        var numbers = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }

        if (!IsValid(numbers[0], parts.Length > 1 ? numbers[1] : 1, parts.Length > 2 ? numbers[2] : 1))
        {
            return false;
        }

        date = parts.Length switch
        {
            1 => OfYear(numbers[0], approximate),
            2 => OfMonth(numbers[0], numbers[1], approximate),
            _ => OfDay(numbers[0], numbers[1], numbers[2], approximate),
        };
        return true;
    }

    /// <summary>Display text at the date's precision: "16 May 2024", "May 2024", "2024", "date unknown"; "c. " when approximate.</summary>
    public override string ToString()
    {
        var text = Precision switch
        {
            DatePrecision.Year => Year!.Value.ToString(CultureInfo.InvariantCulture),
            DatePrecision.Month => new DateOnly(Year!.Value, Month!.Value, 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture),
            DatePrecision.Day => new DateOnly(Year!.Value, Month!.Value, Day!.Value).ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
            _ => "date unknown",
        };
        return IsApproximate ? "c. " + text : text;
    }

    /// <summary>Display text for a span: "20–22 March 2023", "16–17 May 2024", "December 2022".</summary>
    public static string FormatRange(PartialDate start, PartialDate end)
    {
        if (!end.IsKnown || end == start)
        {
            return start.ToString();
        }

        if (!start.IsKnown)
        {
            return "until " + end;
        }

        var prefix = start.IsApproximate || end.IsApproximate ? "c. " : string.Empty;
        var a = start with { IsApproximate = false };
        var b = end with { IsApproximate = false };
        if (a.Precision == DatePrecision.Day && b.Precision == DatePrecision.Day && a.Year == b.Year)
        {
            var endText = b.ToString();
            return a.Month == b.Month
                ? string.Create(CultureInfo.InvariantCulture, $"{prefix}{a.Day}–{endText}")
                : $"{prefix}{new DateOnly(a.Year!.Value, a.Month!.Value, a.Day!.Value).ToString("d MMMM", CultureInfo.InvariantCulture)} – {endText}";
        }

        return $"{prefix}{a} – {b}";
    }

    private static bool IsValid(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static void Check(int year, int month, int day)
    {
        if (!IsValid(year, month, day))
        {
            throw new ArgumentOutOfRangeException(nameof(year), $"{year:D4}-{month:D2}-{day:D2} is not a calendar date.");
        }
    }
}
