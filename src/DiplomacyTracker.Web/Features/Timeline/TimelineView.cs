namespace DiplomacyTracker.Web.Features.Timeline;

/// <summary>How the timeline lists events: a card each, or one line each. Remembered per browser in a cookie, so the
/// server renders the chosen view before any script runs (as the theme is).</summary>
public enum TimelineView
{
    Cards,
    Compact,
}

public static class TimelineViewCookie
{
    public const string Name = "DiplomacyTrackerTimelineView";

    /// <summary>The name of the cascading value Routes passes down with the reader's choice.</summary>
    public const string CascadingName = "TimelineView";

    public static TimelineView Parse(string? value) =>
        string.Equals(value, "compact", StringComparison.Ordinal) ? TimelineView.Compact : TimelineView.Cards;

    public static string ToValue(TimelineView view) => view == TimelineView.Compact ? "compact" : "cards";
}
