using DiplomacyTracker.Data.Places;
using DiplomacyTracker.Testing;

namespace DiplomacyTracker.Tests.Places;

/// <summary>Any name of a place, in any of the three scripts or a common variant, leads to the name legs are stored under.</summary>
public sealed class GazetteerNamesTests
{
    private static readonly Gazetteer Gazetteer = Gazetteer.Load(RepositoryPaths.Data);

    [Theory]
    [InlineData("Beijing", "Beijing")]
    [InlineData("peking", "Beijing")]
    [InlineData("Пекин", "Beijing")]
    [InlineData("北京", "Beijing")]
    [InlineData("Москва", "Moscow")]
    [InlineData("莫斯科", "Moscow")]
    [InlineData("St. Petersburg", "Saint Petersburg")]
    [InlineData("St Petersburg", "Saint Petersburg")]
    [InlineData("saint  petersburg", "Saint Petersburg")]
    [InlineData("Санкт-Петербург", "Saint Petersburg")]
    [InlineData("圣彼得堡", "Saint Petersburg")]
    [InlineData("Nur-Sultan", "Astana")]
    [InlineData("Nur Sultan", "Astana")]
    [InlineData(" Astana ", "Astana")]
    public void Every_name_of_a_city_leads_to_the_name_legs_use(string name, string city) =>
        Assert.Equal(city, Gazetteer.CityFor(name));

    [Theory]
    [InlineData("Россия", "Russia")]
    [InlineData("中国", "China")]
    [InlineData("russian federation", "Russia")]
    public void Every_name_of_a_country_leads_to_the_name_legs_use(string name, string country) =>
        Assert.Equal(country, Gazetteer.CountryFor(name));

    [Fact]
    public void Unknown_names_and_different_cities_are_not_the_same_place()
    {
        Assert.Null(Gazetteer.CityFor("Atlantis"));
        Assert.True(Gazetteer.SamePlace("Пекин", "beijing"));
        Assert.True(Gazetteer.SamePlace("Atlantis", "atlantis"));
        Assert.False(Gazetteer.SamePlace("Beijing", "Moscow"));
        Assert.False(Gazetteer.SamePlace("Beijing", null));
        Assert.Contains("Пекин", Gazetteer.NamesOfCity("Beijing"));
        Assert.Equal(["Atlantis"], Gazetteer.NamesOfCity("Atlantis"));
    }
}
