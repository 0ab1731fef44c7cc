using System.Globalization;
using System.Text;
using DiplomacyTracker.Data.Events;

namespace DiplomacyTracker.Web.Features.Citations;

/// <summary>
/// Ready-to-paste citations in one plain style: <c>Outlet, "Title", 16 May 2024, URL (accessed 1 December 2026)</c>.
/// What the record does not know is said or left out, never guessed: "n.d." for an unknown date, no outlet or URL
/// when none is recorded, and a title the curator wrote (the article prints none) in [brackets] instead of quotes.
/// </summary>
public static class Citation
{
    public const string SiteName = "DiplomacyTracker";

    public static string ForSource(SourceRef source, DateOnly accessed)
    {
        var text = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(source.Outlet))
        {
            text.Append(source.Outlet.Trim()).Append(", ");
        }

        text.Append(source.TitleIsEditorial ? $"[{source.Title}]" : $"\u201c{source.Title}\u201d")
            .Append(", ")
            .Append(source.PublishedOn.IsKnown ? source.PublishedOn.ToString() : "n.d.");
        if (!string.IsNullOrWhiteSpace(source.Url))
        {
            text.Append(", ").Append(source.Url.Trim());
        }

        return text.Append(" (accessed ").Append(Date(accessed)).Append(')').ToString();
    }

    /// <summary>The record's own page: <c>DiplomacyTracker, "Event title", permalink (accessed …)</c>.</summary>
    public static string ForRecord(string title, string permalink, DateOnly accessed) =>
        $"{SiteName}, \u201c{title}\u201d, {permalink} (accessed {Date(accessed)})";

    /// <summary>A statement: its source, then where the record keeps it.</summary>
    public static IReadOnlyList<string> ForStatement(StatementView statement, string eventTitle, string permalink, DateOnly accessed)
    {
        var speaker = statement.Speaker?.Name ?? statement.Attribution;
        var record = ForRecord(speaker is null ? eventTitle : $"{eventTitle}: statement by {speaker}", permalink, accessed);
        return statement.Source is null ? [record] : [ForSource(statement.Source, accessed), record];
    }

    /// <summary>An event: the record's page, then each source it rests on.</summary>
    public static IReadOnlyList<string> ForEvent(EventDetails details, string permalink, DateOnly accessed) =>
        [ForRecord(details.Title, permalink, accessed), .. details.Sources.Select(s => ForSource(s, accessed))];

    private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
