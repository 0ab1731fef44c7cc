using System.Text;
using System.Text.RegularExpressions;

namespace DiplomacyTracker.Data.Events;

/// <summary>
/// Turns what a person typed into a safe FTS5 query: every word becomes a quoted term (so FTS syntax
/// characters like " * : ( ) - NEAR are plain text), all terms must match, the last one as a prefix.
/// The result is always passed as a bound parameter, never spliced into SQL.
/// </summary>
public static partial class FullTextQuery
{
    private const int MaxTerms = 12;

    /// <summary>The FTS5 MATCH expression, or null when the text has no searchable word.</summary>
    public static string? Build(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = Word().Matches(text).Select(m => m.Value).Take(MaxTerms).ToList();
        if (words.Count == 0)
        {
            return null;
        }

        var query = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            if (i > 0)
            {
                query.Append(' ');
            }

            query.Append('"').Append(words[i]).Append('"');
            if (i == words.Count - 1)
            {
                query.Append('*');
            }
        }

        return query.ToString();
    }

    // Letters and digits only: the same notion of a word as FTS5's unicode61 tokenizer.
    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
