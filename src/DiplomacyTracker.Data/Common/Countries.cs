namespace DiplomacyTracker.Data.Common;

/// <summary>Which side of the relationship hosted an event or a person belongs to.</summary>
public enum Side
{
    Unknown = 0,
    China = 1,
    Russia = 2,
    ThirdCountry = 3,
}
