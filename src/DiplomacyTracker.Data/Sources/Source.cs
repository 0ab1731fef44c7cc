using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Events;

namespace DiplomacyTracker.Data.Sources;

/// <summary>An article (or other text) that events, statements and documents rest on.</summary>
public sealed class Source : EditableEntity
{
    public const int TitleMaxLength = 300;
    public const int OutletMaxLength = 200;
    public const int UrlMaxLength = 2000;
    public const int TextMaxLength = 200_000;

    public string Title { get; set; } = string.Empty;

    /// <summary>True when the article prints no headline and the title was written by the curator.</summary>
    public bool TitleIsEditorial { get; set; }

    /// <summary>Publisher, where the text names one.</summary>
    public string? Outlet { get; set; }

    /// <summary>Agencies or outlets the text says it reports from (e.g. "AFP", "CGTN, TASS").</summary>
    public string? ReportsFrom { get; set; }

    public string? Url { get; set; }

    public PartialDate PublishedOn { get; set; }

    /// <summary>The full text, byte-for-byte as received.</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>For seeded sources: the file under data/articles it was read from.</summary>
    public string? FileName { get; set; }

    /// <summary>Curator's notes on the source (why a date is unknown, what it is).</summary>
    public string? Notes { get; set; }

    public List<Event> Events { get; set; } = [];
}
