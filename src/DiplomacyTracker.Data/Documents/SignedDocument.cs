using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Sources;

namespace DiplomacyTracker.Data.Documents;

public enum DocumentKind
{
    JointStatement = 0,
    Plan = 1,
    Agreement = 2,
    Other = 3,
}

/// <summary>A joint statement, plan or agreement signed at an event.</summary>
public sealed class SignedDocument : EditableEntity
{
    public const int TitleMaxLength = 300;
    public const int SummaryMaxLength = 2000;

    public int EventId { get; set; }

    public Event? Event { get; set; }

    public string Title { get; set; } = string.Empty;

    public DocumentKind Kind { get; set; }

    public string? Summary { get; set; }

    public int? SourceId { get; set; }

    public Source? Source { get; set; }
}
