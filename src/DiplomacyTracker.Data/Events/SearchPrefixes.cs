using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Data.Events;

/// <summary>
/// SQLite: a prefix in a search ("energy"*, as the search box sends the last word) asked as the whole words it stands
/// for ("energy" OR "energetic"), read from SearchTerms (<see cref="DerivedTables"/>). FTS5 reads whole words in rowid
/// (timeline) order and stops after a page, but merges every row of every word of a prefix before it yields the first:
/// q=energy, in 81 % of a million events, took 186 ms as a prefix and 0.13 ms as a word. A prefix standing for more
/// than <see cref="MaxWords"/> words, or none (a word FTS5 would fold otherwise than this does), stays a prefix: the
/// answer is the same, only slower.
/// </summary>
internal static class SearchPrefixes
{
    private const int MaxWords = 32;

    // The largest code point: every word that starts with a prefix sorts below prefix + this (UTF-8 compares bytewise).
    private static readonly string Highest = char.ConvertFromUtf32(0x10FFFF);

    public static async Task<TextQuery> ExpandAsync(DiplomacyDbContext db, TextQuery query, CancellationToken cancellationToken) => query switch
    {
        TextQuery.Phrase { Prefix: true } phrase when Folded(phrase.Words[^1]) is { } prefix => await WordsAsync(db, phrase, prefix, cancellationToken),
        TextQuery.AllOf all => new TextQuery.AllOf(await ExpandAllAsync(db, all.Parts, cancellationToken)),
        TextQuery.AnyOf any => new TextQuery.AnyOf(await ExpandAllAsync(db, any.Parts, cancellationToken)),
        TextQuery.Grouped grouped => new TextQuery.Grouped(await ExpandAsync(db, grouped.Inner, cancellationToken)),
        _ => query,
    };

    private static async Task<IReadOnlyList<TextQuery>> ExpandAllAsync(DiplomacyDbContext db, IReadOnlyList<TextQuery> parts, CancellationToken cancellationToken)
    {
        var expanded = new List<TextQuery>(parts.Count);
        foreach (var part in parts)
        {
            expanded.Add(await ExpandAsync(db, part, cancellationToken));
        }

        return expanded;
    }

    private static async Task<TextQuery> WordsAsync(DiplomacyDbContext db, TextQuery.Phrase phrase, string prefix, CancellationToken cancellationToken)
    {
        var words = await db.Database
            .SqlQuery<string>($"SELECT Term AS Value FROM SearchTerms WHERE Term >= {prefix} AND Term < {prefix + Highest} ORDER BY Term LIMIT {MaxWords + 1}")
            .ToListAsync(cancellationToken);
        if (words.Count is 0 or > MaxWords)
        {
            return phrase;
        }

        var phrases = words.Select(w => (TextQuery)new TextQuery.Phrase([.. phrase.Words.Take(phrase.Words.Count - 1), w], Prefix: false)).ToList();
        return phrases.Count == 1 ? phrases[0] : new TextQuery.AnyOf(phrases);
    }

    /// <summary>
    /// The prefix as FTS5's unicode61 tokenizer stores it, where that is certain: Latin and Cyrillic letters without
    /// diacritics, and digits, lower-cased. Anything else (é, й, ł: FTS5 folds some and not others) gets null.
    /// </summary>
    internal static string? Folded(string word)
    {
        if (word.Length == 0 || !word.IsNormalized(NormalizationForm.FormD))
        {
            return null;
        }

        foreach (var c in word)
        {
            var plain = char.IsAsciiLetterOrDigit(c) || c is >= '\u0410' and <= '\u044F';
            if (!plain)
            {
                return null;
            }
        }

        return word.ToLower(CultureInfo.InvariantCulture);
    }
}
