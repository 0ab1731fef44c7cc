using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Documents;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Statements;

namespace DiplomacyTracker.Web.Features.Editing;

/// <summary>A choice in a drop-down: value plus the words people read.</summary>
public sealed record Choice<T>(T Value, string Text);

/// <summary>The fixed choices of the editor's drop-downs, in plain words.</summary>
internal static class EditorOptions
{
    public static readonly IReadOnlyList<Choice<EventType>> Types =
    [
        new(EventType.StateVisit, "State visit"),
        new(EventType.OfficialVisit, "Official visit"),
        new(EventType.SummitSideline, "Meeting on a summit's sidelines"),
        new(EventType.PartyTalks, "Party talks"),
        new(EventType.ForeignMinistersMeeting, "Foreign ministers' meeting"),
        new(EventType.Call, "Call"),
        new(EventType.Other, "Other"),
    ];

    public static readonly IReadOnlyList<Choice<EventStatus>> Statuses =
    [
        new(EventStatus.Held, "Held"),
        new(EventStatus.Announced, "Announced"),
        new(EventStatus.Postponed, "Postponed"),
        new(EventStatus.Cancelled, "Cancelled"),
    ];

    public static readonly IReadOnlyList<Choice<DatePrecision>> Precisions =
    [
        new(DatePrecision.Day, "Exact days"),
        new(DatePrecision.Month, "Month only"),
        new(DatePrecision.Year, "Year only"),
        new(DatePrecision.Unknown, "Unknown (no source gives a date)"),
    ];

    public static readonly IReadOnlyList<Choice<Side>> Sides =
    [
        new(Side.Unknown, "Not known"),
        new(Side.China, "China"),
        new(Side.Russia, "Russia"),
        new(Side.ThirdCountry, "Third country"),
    ];

    public static readonly IReadOnlyList<Choice<StatementKind>> StatementKinds =
    [
        new(StatementKind.Quotation, "Quotation (their words)"),
        new(StatementKind.Paraphrase, "Paraphrase (the source's words)"),
    ];

    public static readonly IReadOnlyList<Choice<DocumentKind>> DocumentKinds =
    [
        new(DocumentKind.JointStatement, "Joint statement"),
        new(DocumentKind.Plan, "Plan"),
        new(DocumentKind.Agreement, "Agreement"),
        new(DocumentKind.Other, "Other"),
    ];
}
