using DiplomacyTracker.Data.Events;

namespace DiplomacyTracker.Tests.Search;

public sealed class ChineseTextTests
{
    [Fact]
    public void Runs_of_ideographs_are_indexed_as_overlapping_bigrams_and_single_characters()
    {
        Assert.Equal("习近 近平 平会 会见 见普 普京", ChineseText.Bigrams("习近平会见普京"));
        Assert.Equal("习 近 平 会 见 普 京", ChineseText.Characters("习近平会见普京"));
        // Runs are kept apart: no bigram spans the Latin text between them.
        Assert.Equal("北京 普京", ChineseText.Bigrams("北京 (Beijing): 普京"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Xi Jinping met Vladimir Putin in Moscow")]
    [InlineData("Си Цзиньпин встретился с Путиным")]
    public void Text_without_ideographs_adds_nothing_to_the_index(string? text)
    {
        Assert.Null(ChineseText.Bigrams(text));
        Assert.Null(ChineseText.Characters(text));
    }
}
