using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Events;

namespace DiplomacyTracker.Web.Features.Timeline;

/// <summary>Where Xi and Putin met on a visit with several legs ("Xi and Putin in Beijing, 16–17 May 2024").</summary>
public static class MeetingLegs
{
    /// <summary>The line for the card and the compact row; null for a single place or when they did not meet.</summary>
    public static string? Line(EventSummary e)
    {
        if (e.Legs.Count < 2 || e.XiPutinLegs.Count == 0)
        {
            return null;
        }

        var legs = e.Legs.Where(l => e.XiPutinLegs.Contains(l.Position))
            .Select(l => l.Start.Precision == DatePrecision.Unknown ? l.City : $"{l.City}, {PartialDate.FormatRange(l.Start, l.End)}");
        return "Xi and Putin in " + string.Join("; ", legs);
    }
}
