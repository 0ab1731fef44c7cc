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
    public static string? Build(string? text, Func<string, IReadOnlyList<string>> alsoKnownAs) => Compile(text, alsoKnownAs)?.Fts5;

    /// <summary>The query as a tree, to be written in either database's syntax; null when the text has no searchable word.</summary>
    public static TextQuery? Compile(string? text, Func<string, IReadOnlyList<string>> alsoKnownAs)
    {
        var clauses = Parse(text);
        if (clauses.Count == 0)
        {
            return null;
        }

        var expression = All(clauses.Select(alternatives => Any(alternatives.Select(t => Expand(t, alsoKnownAs)).ToList())).ToList());

        // "Владимир Путин" typed without quotes is also the name as a whole.
        if (clauses.Count > 1 && clauses.All(c => c.Count == 1 && !c[0].Quoted))
        {
            var whole = string.Join(' ', clauses.Select(c => string.Join(' ', c[0].Words)));
            var others = alsoKnownAs(whole).Select(n => Node(new Term(Words(n), Prefix: false, Quoted: true))).OfType<TextQuery>().ToList();
            if (others.Count > 0)
            {
                expression = new TextQuery.AnyOf([new TextQuery.Grouped(expression), .. others]);
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

    private static TextQuery Expand(Term term, Func<string, IReadOnlyList<string>> alsoKnownAs)
    {
        var own = Node(term)!;
        var others = alsoKnownAs(string.Join(' ', term.Words))
            .Select(n => Node(new Term(Words(n), Prefix: false, Quoted: true)))
            .OfType<TextQuery>()
            .Where(r => r.Fts5 != own.Fts5)
            .ToList();
        return others.Count == 0 ? own : new TextQuery.AnyOf([own, .. others]);
    }

    private static TextQuery All(List<TextQuery> parts) => parts.Count == 1 ? parts[0] : new TextQuery.AllOf(parts);

    private static TextQuery Any(List<TextQuery> parts) => parts.Count == 1 ? parts[0] : new TextQuery.AnyOf(parts);

    // A term as a node: Latin / Cyrillic words as one phrase, Chinese runs as their own nodes; a term mixing both
    // needs each part (AND, grouped).
    private static TextQuery? Node(Term term)
    {
        var parts = new List<TextQuery>();
        var plain = new List<string>();
        void FlushPlain(bool prefix)
        {
            if (plain.Count > 0)
            {
                parts.Add(new TextQuery.Phrase([.. plain], prefix));
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

                FlushPlain(prefix: false);
                parts.Add(new TextQuery.Chinese(run));
            }
        }

        FlushPlain(term.Prefix);
        return parts.Count switch
        {
            0 => null,
            1 => parts[0],
            _ => new TextQuery.Grouped(new TextQuery.AllOf(parts)),
        };
    }


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

/// <summary>
/// A parsed search (<see cref="FullTextQuery.Compile"/>), written out for the database at hand: <see cref="Fts5"/> for
/// SQLite's EventText, <see cref="ToPostgreSql"/> for PostgreSQL's (a tsvector for words and Chinese bigrams, LIKE over
/// the text, which a trigram index serves, for a single Chinese character). Only letters and digits ever reach either; PostgreSQL's come as bound parameters.
/// </summary>
public abstract record TextQuery
{
    /// <summary>The FTS5 MATCH expression.</summary>
    public abstract string Fts5 { get; }

    /// <summary>
    /// The query as one PostgreSQL tsquery, or null where a part is not one (a single Chinese character). One tsquery
    /// is one test per row and one GIN index scan; a name's fourteen spellings as fourteen tests were four times slower.
    /// </summary>
    public abstract string? TsQuery { get; }

    /// <summary>A SQL condition on the EventText row <paramref name="alias"/>; its values are appended to <paramref name="arguments"/> and referred to by index.</summary>
    public string ToPostgreSql(string alias, List<object> arguments) =>
        TsQuery is { } tsQuery ? $"{alias}.\"Document\" @@ to_tsquery('diplomacy', {Argument(arguments, tsQuery)})" : Combine(alias, arguments);

    /// <summary>The condition built from the parts' own conditions (only reached when <see cref="TsQuery"/> is null).</summary>
    protected abstract string Combine(string alias, List<object> arguments);

    private static string Argument(List<object> arguments, object value)
    {
        arguments.Add(value);
        return $"{{{arguments.Count - 1}}}";
    }

    private static string? Joined(IReadOnlyList<TextQuery> parts, string separator) =>
        parts.All(p => p.TsQuery is not null) ? "(" + string.Join(separator, parts.Select(p => p.TsQuery)) + ")" : null;

    /// <summary>Words in a row (one word: just that word); the last one a prefix when <paramref name="Prefix"/>.</summary>
    public sealed record Phrase(IReadOnlyList<string> Words, bool Prefix) : TextQuery
    {
        public override string Fts5 => "\"" + string.Join(' ', Words) + "\"" + (Prefix ? "*" : string.Empty);

        // Words are letters and digits only (the compiler drops the rest), so quoting them is enough.
        public override string TsQuery => string.Join(" <-> ", Words.Select(w => $"'{w}'")) + (Prefix ? ":*" : string.Empty);

        protected override string Combine(string alias, List<object> arguments) => throw new InvalidOperationException("A phrase is always one tsquery.");
    }

    /// <summary>A run of Chinese characters: the phrase of its bigrams on either database (ADR 0009); a single character, the character.</summary>
    public sealed record Chinese(string Run) : TextQuery
    {
        public override string Fts5 => ChineseText.Pairs(Run) is { Count: > 0 } pairs
            ? "Bigrams : \"" + string.Join(' ', pairs) + "\""
            : "Chars : \"" + Run + "\"";

        // Two or more characters: the phrase of their pairs in the tsvector (GIN); one character: that character, which
        // the tsvector holds on its own too (PostgreSqlDerivedTables; a LIKE over every event's text took over 30 s
        // at 1,000,000 events).
        public override string TsQuery => ChineseText.Pairs(Run) is { Count: > 0 } pairs ? string.Join(" <-> ", pairs.Select(p => $"'{p}'")) : $"'{Run}'";

        protected override string Combine(string alias, List<object> arguments) => throw new InvalidOperationException("Chinese is always one tsquery.");
    }

    public sealed record AllOf(IReadOnlyList<TextQuery> Parts) : TextQuery
    {
        public override string Fts5 => string.Join(" AND ", Parts.Select(p => p.Fts5));

        public override string? TsQuery => Joined(Parts, " & ");

        protected override string Combine(string alias, List<object> arguments) => "(" + string.Join(" AND ", Parts.Select(p => p.ToPostgreSql(alias, arguments))) + ")";
    }

    public sealed record AnyOf(IReadOnlyList<TextQuery> Parts) : TextQuery
    {
        public override string Fts5 => "(" + string.Join(" OR ", Parts.Select(p => p.Fts5)) + ")";

        public override string? TsQuery => Joined(Parts, " | ");

        protected override string Combine(string alias, List<object> arguments) => "(" + string.Join(" OR ", Parts.Select(p => p.ToPostgreSql(alias, arguments))) + ")";
    }

    /// <summary>Parentheses in FTS5 (an AND inside an OR); the tsquery and PostgreSQL's AND are parenthesised already.</summary>
    public sealed record Grouped(TextQuery Inner) : TextQuery
    {
        public override string Fts5 => "(" + Inner.Fts5 + ")";

        public override string? TsQuery => Inner.TsQuery;

        protected override string Combine(string alias, List<object> arguments) => Inner.ToPostgreSql(alias, arguments);
    }
}
