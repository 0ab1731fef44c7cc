using DiplomacyTracker.Data.Events;

namespace DiplomacyTracker.Tests.Search;

/// <summary>The search box's syntax as FTS5 sees it: words, OR, phrases, prefixes, Chinese bigrams, and nothing else.</summary>
public sealed class FullTextQueryTests
{
    [Theory]
    [InlineData("gas pipeline", "\"gas\" AND \"pipeline\"*")]
    [InlineData("gas pipeline ", "\"gas\" AND \"pipeline\"")]
    [InlineData("Putin OR Medvedev", "(\"Putin\" OR \"Medvedev\"*)")]
    [InlineData("gas Putin OR Xi", "\"gas\" AND (\"Putin\" OR \"Xi\"*)")]
    [InlineData("\"special relationship\" energy", "\"special relationship\" AND \"energy\"*")]
    [InlineData("multi* polar", "\"multi\"* AND \"polar\"*")]
    [InlineData("Nur-Sultan", "\"Nur Sultan\"")]
    [InlineData("Путин", "\"Путин\"*")]
    public void Words_OR_phrases_and_prefixes_become_quoted_FTS5_terms(string typed, string expected) =>
        Assert.Equal(expected, FullTextQuery.Build(typed));

    [Theory]
    [InlineData("习近平", "Bigrams : \"习近 近平\"")]
    [InlineData("普京", "Bigrams : \"普京\"")]
    [InlineData("京", "Chars : \"京\"")]
    [InlineData("普京 OR Putin", "(Bigrams : \"普京\" OR \"Putin\"*)")]
    [InlineData("\"习近平会见普京\"", "Bigrams : \"习近 近平 平会 会见 见普 普京\"")]
    [InlineData("普京Putin", "(Bigrams : \"普京\" AND \"Putin\"*)")]
    public void Chinese_words_become_the_phrase_of_their_bigrams(string typed, string expected) =>
        Assert.Equal(expected, FullTextQuery.Build(typed));

    [Theory]
    [InlineData("\"energy (NEAR* :col", "\"energy NEAR col\"")]
    [InlineData("Title : x) OR (", "\"Title\" AND \"x\"*")]
    [InlineData("a\" OR \"b", "\"a\" AND \"OR\" AND \"b\"*")]
    [InlineData("-Putin OR", "\"Putin\"*")]
    public void FTS5_syntax_typed_in_is_plain_text_never_an_operator(string typed, string expected) =>
        Assert.Equal(expected, FullTextQuery.Build(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("OR OR |")]
    [InlineData("\"\" * : ( )")]
    public void A_query_without_words_searches_nothing(string? typed) => Assert.Null(FullTextQuery.Build(typed));

    [Fact]
    public void A_name_also_matches_its_other_names_in_every_script()
    {
        IReadOnlyList<string> Names(string term) => term == "Путин" ? ["Putin", "普京"] : term == "Владимир Путин" ? ["Vladimir Putin"] : [];

        Assert.Equal("(\"Путин\" OR \"Putin\" OR Bigrams : \"普京\")", FullTextQuery.Build("Путин ", Names));
        Assert.Equal("((\"Владимир\" AND (\"Путин\" OR \"Putin\" OR Bigrams : \"普京\")) OR \"Vladimir Putin\")", FullTextQuery.Build("Владимир Путин ", Names));
    }

    [Fact]
    public void At_most_twelve_terms_are_searched()
    {
        var built = FullTextQuery.Build(string.Join(' ', Enumerable.Range(1, 30).Select(i => $"w{i}")))!;
        Assert.Contains("\"w12\"", built, StringComparison.Ordinal);
        Assert.DoesNotContain("\"w13\"", built, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gas pipe", "t.\"Document\" @@ to_tsquery('diplomacy', {0})", "('gas' & 'pipe':*)")]
    [InlineData("\"special relationship\"", "t.\"Document\" @@ to_tsquery('diplomacy', {0})", "'special' <-> 'relationship'")]
    [InlineData("习近平 OR Putin", "t.\"Document\" @@ to_tsquery('diplomacy', {0})", "('习近' <-> '近平' | 'Putin':*)")]
    [InlineData("京", "t.\"Document\" @@ to_tsquery('diplomacy', {0})", "'京'")]
    [InlineData("京 Putin", "t.\"Document\" @@ to_tsquery('diplomacy', {0})", "('京' & 'Putin':*)")]
    public void The_same_query_in_PostgreSQL_is_one_tsquery_of_phrases_bigrams_and_characters_with_every_value_a_parameter(string typed, string expected, string values)
    {
        var arguments = new List<object>();
        Assert.Equal(expected, FullTextQuery.Compile(typed, static _ => [])!.ToPostgreSql("t", arguments));
        Assert.Equal(values.Split('§'), arguments); // § between values: a tsquery has | in it
    }
}
