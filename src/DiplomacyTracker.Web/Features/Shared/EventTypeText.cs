using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Events;

namespace DiplomacyTracker.Web.Features.Shared;

/// <summary>How enum values read on the page.</summary>
public static class DisplayText
{
    public static string For(EventType type) => type switch
    {
        EventType.StateVisit => "State visit",
        EventType.OfficialVisit => "Official visit",
        EventType.SummitSideline => "Summit sideline",
        EventType.PartyTalks => "Party-to-party talks",
        EventType.ForeignMinistersMeeting => "Foreign ministers' meeting",
        EventType.Call => "Phone or video call",
        _ => "Other",
    };

    public static string For(EventStatus status) => status switch
    {
        EventStatus.Announced => "Announced",
        EventStatus.Postponed => "Postponed",
        EventStatus.Cancelled => "Cancelled",
        _ => "Held",
    };

    public static string For(Side side) => side switch
    {
        Side.China => "China",
        Side.Russia => "Russia",
        Side.ThirdCountry => "Third country",
        _ => "Unknown",
    };

    public static string SideClass(Side side) => side switch
    {
        Side.China => "side-china",
        Side.Russia => "side-russia",
        _ => "side-other",
    };
}
