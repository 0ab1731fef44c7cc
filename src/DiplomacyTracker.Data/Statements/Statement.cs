using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Participants;
using DiplomacyTracker.Data.Sources;
using DiplomacyTracker.Data.Topics;

namespace DiplomacyTracker.Data.Statements;

public enum StatementKind
{
    /// <summary>The speaker's own words, as the source prints them between quotation marks.</summary>
    Quotation = 0,

    /// <summary>The source's report of what was said, in its own words.</summary>
    Paraphrase = 1,
}

/// <summary>Something said at or about an event, attributed to a speaker and to the source that reports it.</summary>
public sealed class Statement : EditableEntity
{
    public const int TextMaxLength = 4000;
    public const int AttributionMaxLength = 200;

    public int EventId { get; set; }

    public Event? Event { get; set; }

    /// <summary>The person who said it; null when the source attributes it to a body ("Medvedev's secretariat").</summary>
    public int? SpeakerId { get; set; }

    public Person? Speaker { get; set; }

    /// <summary>Who the source attributes it to when that is not one person, or how (e.g. "statement on arrival").</summary>
    public string? Attribution { get; set; }

    public StatementKind Kind { get; set; }

    /// <summary>Verbatim as the source prints it for seeded rows (tests check this).</summary>
    public string Text { get; set; } = string.Empty;

    public int? SourceId { get; set; }

    public Source? Source { get; set; }

    /// <summary>Character offset of <see cref="Text"/> in the source's text, so it can be shown in context.</summary>
    public int? SourceOffset { get; set; }

    public List<Topic> Topics { get; set; } = [];
}
