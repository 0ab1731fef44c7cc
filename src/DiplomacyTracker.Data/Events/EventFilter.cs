namespace DiplomacyTracker.Data.Events;

/// <summary>
/// The timeline and API filters; all optional and combined with AND. The web app reads and writes them as the
/// URL query (?year=2024&amp;venue=Beijing), the API takes the same names.
/// </summary>
public sealed record EventFilter
{
    public const int MaxPageSize = 200;
    public const int DefaultPageSize = 50;

    public int? YearFrom { get; init; }

    public int? YearTo { get; init; }

    /// <summary>City or country of any leg, by any of its names in the gazetteer (Пекин, 北京, Peking), case-insensitive.</summary>
    public string? Venue { get; init; }

    /// <summary>A participant's slug ("xi-jinping") or any of their names: English, Chinese, Russian, a surname alone, a variant.</summary>
    public string? Participant { get; init; }

    public EventType? Type { get; init; }

    /// <summary>Topic slug.</summary>
    public string? Topic { get; init; }

    /// <summary>Free text over titles, summaries and statements (full-text search; syntax in <see cref="FullTextQuery"/>).</summary>
    public string? Text { get; init; }

    /// <summary>Only meetings of Xi Jinping and Vladimir Putin: a leg both attended (with a venue: a leg there).</summary>
    public bool XiPutinOnly { get; init; }

    /// <summary>How many filters are set (a year range counts once).</summary>
    public int ActiveCount =>
        (YearFrom is not null || YearTo is not null ? 1 : 0)
        + (string.IsNullOrWhiteSpace(Venue) ? 0 : 1)
        + (string.IsNullOrWhiteSpace(Participant) ? 0 : 1)
        + (Type is null ? 0 : 1)
        + (string.IsNullOrWhiteSpace(Topic) ? 0 : 1)
        + (string.IsNullOrWhiteSpace(Text) ? 0 : 1)
        + (XiPutinOnly ? 1 : 0);

    public bool IsEmpty =>
        YearFrom is null && YearTo is null && string.IsNullOrWhiteSpace(Venue) && string.IsNullOrWhiteSpace(Participant)
        && Type is null && string.IsNullOrWhiteSpace(Topic) && string.IsNullOrWhiteSpace(Text) && !XiPutinOnly;
}
