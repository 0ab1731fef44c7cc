using System.Text;
using System.Text.RegularExpressions;

namespace DiplomacyTracker.Data.Events;

/// <summary>
/// Turns what a person typed into a safe FTS5 query. The syntax a reader may use:
/// words (all must match: <c>gas pipeline</c>), <c>OR</c> between alternatives (<c>Putin OR Medvedev</c>; OR binds
/// tighter than the implicit AND, as in web search: <c>gas Putin OR Xi</c> is gas AND (Putin OR Xi)),
/// <c>"quoted phrases"</c>, and <c>prefix*</c>; the last bare word is a prefix too, so a search finds as you type.
/// Only letters and digits reach FTS5, each inside a quoted string, so no other FTS syntax (NEAR, column filters,
/// parentheses, stray quotes) can be typed in; an unclosed quote closes at the end. Chinese words become the phrase
/// of their bigrams in the Bigrams column (a single character: the Chars column), see <see cref="ChineseText"/>.
/// Names of people and places may be widened to their other names (<c>alsoKnownAs</c>). The result is always passed
/// as a bound parameter, never spliced into SQL.
/// </summary>
public static partial class FullTextQuery
{
    private const int MaxTerms = 12;

    /// <summary>The FTS5 MATCH expression, or null when the text has no searchable word.</summary>
    public static string? Build(string? text) => Build(text, static _ => []);

    /// <summary>
    /// As <see cref="Build(string?)"/>, with every term (and a query of bare words as a whole) also matching the
    /// other names <paramref name="alsoKnownAs"/> gives for it.
    /// </summary>
    public static string? Build(string? text, Func<string, IReadOnlyList<string>> alsoKnownAs)
    {
        var clauses = Parse(text);
        if (clauses.Count == 0)
        {
            return null;
        }

        var expression = string.Join(" AND ", clauses.Select(alternatives => Group(alternatives.Select(t => Expand(t, alsoKnownAs)).ToList())));

        // "Владимир Путин" typed without quotes is also the name as a whole.
        if (clauses.Count > 1 && clauses.All(c => c.Count == 1 && !c[0].Quoted))
        {
            var whole = string.Join(' ', clauses.Select(c => string.Join(' ', c[0].Words)));
            var others = alsoKnownAs(whole).Select(n => Render(new Term(Words(n), Prefix: false, Quoted: true))).OfType<string>().ToList();
            if (others.Count > 0)
            {
                expression = Group([$"({expression})", .. others]);
            }
        }

        return expression;
    }

    /// <summary>One search term: its words (a phrase when more than one), whether it is a prefix, and whether it was quoted.</summary>
    internal sealed record Term(IReadOnlyList<string> Words, bool Prefix, bool Quoted);

    /// <summary>The query as clauses (all must match), each a list of alternatives (any may match).</summary>
    internal static List<List<Term>> Parse(string? text)
    {
        var clauses = new List<List<Term>>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return clauses;
        }

        var pendingOr = false;
        var terms = 0;
        foreach (var (raw, quoted) in Tokens(text))
        {
            if (!quoted && (raw == "OR" || raw == "|"))
            {
                pendingOr = clauses.Count > 0;
                continue;
            }

            var prefix = !quoted && raw.EndsWith('*');
            var words = Words(raw);
            if (words.Count == 0 || terms == MaxTerms)
            {
                continue;
            }

            terms++;
            var term = new Term(words, prefix, quoted);
            if (pendingOr)
            {
                clauses[^1].Add(term);
            }
            else
            {
                clauses.Add([term]);
            }

            pendingOr = false;
        }

        // As-you-type: the last bare word of the query is a prefix.
        if (clauses.Count > 0 && clauses[^1][^1] is { Quoted: false, Prefix: false } last && last.Words.Count == 1
            && !char.IsWhiteSpace(text[^1]))
        {
            clauses[^1][^1] = last with { Prefix = true };
        }

        return clauses;
    }

    private static string Expand(Term term, Func<string, IReadOnlyList<string>> alsoKnownAs)
    {
        var own = Render(term)!;
        var others = alsoKnownAs(string.Join(' ', term.Words))
            .Select(n => Render(new Term(Words(n), Prefix: false, Quoted: true)))
            .OfType<string>()
            .Where(r => r != own)
            .ToList();
        return others.Count == 0 ? own : Group([own, .. others]);
    }

    private static string Group(List<string> alternatives) =>
        alternatives.Count == 1 ? alternatives[0] : "(" + string.Join(" OR ", alternatives) + ")";

    // A term as FTS5 text: Latin / Cyrillic words as one quoted phrase, Chinese runs as bigram phrases; a term mixing
    // both needs each part (AND).
    private static string? Render(Term term)
    {
        var parts = new List<string>();
        var plain = new List<string>();
        void FlushPlain()
        {
            if (plain.Count > 0)
            {
                parts.Add(Quote(string.Join(' ', plain)));
                plain.Clear();
            }
        }

        foreach (var word in term.Words)
        {
            foreach (var (run, ideographic) in ChineseText.Split(word))
            {
                if (!ideographic)
                {
                    plain.Add(run);
                    continue;
                }

                FlushPlain();
                var pairs = ChineseText.Pairs(run);
                parts.Add(pairs.Count == 0 ? "Chars : " + Quote(run) : "Bigrams : " + Quote(string.Join(' ', pairs)));
            }
        }

        if (plain.Count > 0)
        {
            parts.Add(Quote(string.Join(' ', plain)) + (term.Prefix ? "*" : string.Empty));
            plain.Clear();
        }

        return parts.Count switch
        {
            0 => null,
            1 => parts[0],
            _ => "(" + string.Join(" AND ", parts) + ")",
        };
    }

    private static string Quote(string text) => "\"" + text + "\"";

    // Whitespace-separated tokens; a double quote opens a phrase up to the next one (or the end).
    private static IEnumerable<(string Text, bool Quoted)> Tokens(string text)
    {
        var current = new StringBuilder();
        var inQuotes = false;
        foreach (var c in text)
        {
            if (c == '"' || c == '“' || c == '”' || c == '«' || c == '»')
            {
                if (current.Length > 0 || inQuotes)
                {
                    yield return (current.ToString(), inQuotes);
                    current.Clear();
                }

                inQuotes = !inQuotes;
            }
            else if (char.IsWhiteSpace(c) && !inQuotes)
            {
                if (current.Length > 0)
                {
                    yield return (current.ToString(), false);
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            yield return (current.ToString(), inQuotes);
        }
    }

    private static List<string> Words(string text) => Word().Matches(text).Select(m => m.Value).ToList();

    // Letters and digits only: the same notion of a word as FTS5's unicode61 tokenizer (which also makes a run of
    // ideographs one word; ChineseText splits those).
    [GeneratedRegex(@"[\p{L}\p{N}\p{M}]+")]
    private static partial Regex Word();
}
