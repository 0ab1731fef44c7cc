using System.Text;

namespace DiplomacyTracker.Data.Events;

/// <summary>
/// Chinese (and Japanese) text has no spaces between words, and FTS5's unicode61 tokenizer makes a whole run of
/// ideographs one token, so 普京 inside 习近平会见普京 is never found. The search index therefore also holds every run of
/// such characters as overlapping bigrams (习近 近平 平会 …) and as single characters, and a query turns a Chinese
/// word into the phrase of its bigrams (docs/decisions/0009-chinese-full-text.md). Text with no such characters
/// gives null, so Latin and Cyrillic rows add nothing to the index.
/// </summary>
public static class ChineseText
{
    /// <summary>The overlapping character pairs of every run, space-separated; a run of one character gives nothing.</summary>
    public static string? Bigrams(string? text) => Join(Runs(text), Pairs);

    /// <summary>Every character of every run, space-separated (for one-character queries).</summary>
    public static string? Characters(string? text) => Join(Runs(text), run => run.EnumerateRunes().Select(r => r.ToString()));

    /// <summary>True for Han ideographs (all blocks) and kana: the scripts written without spaces between words.</summary>
    public static bool IsIdeographic(Rune rune) => rune.Value switch
    {
        >= 0x3040 and <= 0x30FF => true, // Hiragana, Katakana
        >= 0x3400 and <= 0x4DBF => true, // CJK Extension A
        >= 0x4E00 and <= 0x9FFF => true, // CJK Unified Ideographs
        >= 0xF900 and <= 0xFAFF => true, // CJK Compatibility Ideographs
        >= 0x20000 and <= 0x3FFFF => true, // Extensions B and later
        _ => false,
    };

    /// <summary>True when <paramref name="text"/> has at least one ideographic character.</summary>
    public static bool HasIdeographs(string? text) =>
        // Most text is Latin or Cyrillic: one vectorised look for any character from U+3040 up (surrogates included)
        // spares the rune-by-rune test, which the full-text triggers would otherwise run twice for every row.
        text is not null && text.AsSpan().IndexOfAnyInRange('\u3040', char.MaxValue) >= 0 && text.EnumerateRunes().Any(IsIdeographic);

    /// <summary>The text split into maximal runs of ideographic and of other characters, in order.</summary>
    public static IEnumerable<(string Text, bool Ideographic)> Split(string text)
    {
        var run = new StringBuilder();
        bool? current = null;
        foreach (var rune in text.EnumerateRunes())
        {
            var ideographic = IsIdeographic(rune);
            if (current is { } c && c != ideographic)
            {
                yield return (run.ToString(), c);
                run.Clear();
            }

            current = ideographic;
            run.Append(rune.ToString());
        }

        if (current is { } last)
        {
            yield return (run.ToString(), last);
        }
    }

    /// <summary>The bigrams of one run, in order (each a string of two characters; surrogate pairs kept whole).</summary>
    public static IReadOnlyList<string> Pairs(string run)
    {
        var runes = run.EnumerateRunes().Select(r => r.ToString()).ToList();
        return runes.Count < 2 ? [] : runes.Zip(runes.Skip(1), (a, b) => a + b).ToList();
    }

    private static IEnumerable<string> Runs(string? text) =>
        string.IsNullOrEmpty(text) || !HasIdeographs(text) ? [] : Split(text).Where(r => r.Ideographic).Select(r => r.Text);

    private static string? Join(IEnumerable<string> runs, Func<string, IEnumerable<string>> tokens)
    {
        var all = runs.SelectMany(tokens).ToList();
        return all.Count == 0 ? null : string.Join(' ', all);
    }
}
