using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Documents;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Events.Editing;
using DiplomacyTracker.Data.Statements;
using DiplomacyTracker.Web.Features.Shared;

namespace DiplomacyTracker.Web.Features.Editing;

/// <summary>A choice in a drop-down: value plus the words people read.</summary>
public sealed record Choice<T>(T Value, string Text);

/// <summary>The fixed choices of the editor's drop-downs, in plain words.</summary>
internal static class EditorOptions
{
    // Event types, statuses and sides read exactly as on the timeline and the event page (DisplayText).
    public static readonly IReadOnlyList<Choice<EventType>> Types =
        [.. Enum.GetValues<EventType>().Select(t => new Choice<EventType>(t, DisplayText.For(t)))];

    public static readonly IReadOnlyList<Choice<EventStatus>> Statuses =
        [.. Enum.GetValues<EventStatus>().Select(s => new Choice<EventStatus>(s, DisplayText.For(s)))];

    public static readonly IReadOnlyList<Choice<DatePrecision>> Precisions =
    [
        new(DatePrecision.Day, "Exact days"),
        new(DatePrecision.Month, "Month only"),
        new(DatePrecision.Year, "Year only"),
        new(DatePrecision.Unknown, "Unknown (no source gives a date)"),
    ];

    public static readonly IReadOnlyList<Choice<Side>> Sides =
        [.. Enum.GetValues<Side>().Select(s => new Choice<Side>(s, DisplayText.For(s)))];

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

/// <summary>The draft's sources as choices for a statement's or document's source (untitled ones by position).</summary>
internal static class SourceChoices
{
    public static IEnumerable<Choice<string>> For(EventDraft draft) =>
        draft.Sources.Select((s, i) => new Choice<string>(s.Key, s.Title is { Length: > 0 } title ? title : $"Source {i + 1}"));
}
