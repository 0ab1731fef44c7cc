using DiplomacyTracker.Data.Seeding;

namespace DiplomacyTracker.Data.Places;

/// <summary>
/// The names of places, read once from data/gazetteer.json: for any name a person may type or an import may carry
/// ("Пекин", "Peking", "北京", "St. Petersburg", "Nur-Sultan"), the city or country name legs are stored under.
/// The one place that knows a city's other names; the venue filter, search and the duplicate check all ask it.
/// </summary>
public sealed class Gazetteer
{
    private readonly Dictionary<string, string> cityByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> countryByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IReadOnlyList<string>> namesByCity = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IReadOnlyList<string>> namesByCountry = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IReadOnlyList<string>> namesByPerson = new(StringComparer.Ordinal);

    public Gazetteer(SeedGazetteer gazetteer)
    {
        foreach (var country in gazetteer.Countries)
        {
            countryByName.TryAdd(Normalize(country.Name), country.Name);
            foreach (var name in country.Names?.All ?? [])
            {
                countryByName.TryAdd(Normalize(name), country.Name);
            }

            namesByCountry[country.Name] = new[] { country.Name }.Concat(country.Names?.All ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }

        foreach (var person in gazetteer.People ?? [])
        {
            namesByPerson[person.Person] = person.Names.All.ToList();
        }

        foreach (var place in gazetteer.Places)
        {
            var names = new List<string> { place.City };
            names.AddRange(place.Names?.All ?? []);
            namesByCity[place.City] = names.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            foreach (var name in names)
            {
                cityByName.TryAdd(Normalize(name), place.City);
            }
        }
    }

    public static Gazetteer Load(string dataDirectory) => new(SeedFile.LoadGazetteer(dataDirectory));

    /// <summary>The city name legs use for <paramref name="name"/> (any of its names, any case), or null when unknown.</summary>
    public string? CityFor(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : cityByName.GetValueOrDefault(Normalize(name));

    /// <summary>The country name legs use for <paramref name="name"/> (any of its names, any case), or null when unknown.</summary>
    public string? CountryFor(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : countryByName.GetValueOrDefault(Normalize(name));

    /// <summary>Every name of the city legs store as <paramref name="city"/>, that name first; just the name itself when unknown.</summary>
    public IReadOnlyList<string> NamesOfCity(string city) =>
        namesByCity.TryGetValue(city.Trim(), out var names) ? names : [city.Trim()];

    /// <summary>Every name of the country legs store as <paramref name="country"/>, that name first; just the name itself when unknown.</summary>
    public IReadOnlyList<string> NamesOfCountry(string country) =>
        namesByCountry.TryGetValue(country.Trim(), out var names) ? names : [country.Trim()];

    /// <summary>The other spellings of the person with this slug listed in the gazetteer (none for most people).</summary>
    public IReadOnlyList<string> NamesOfPerson(string slug) => namesByPerson.GetValueOrDefault(slug) ?? [];

    /// <summary>True when both names mean the same city (or the same country), by any of its names, ignoring case.</summary>
    public bool SamePlace(string? a, string? b)
    {
        if (string.IsNullOrWhiteSpace(a) || string.IsNullOrWhiteSpace(b))
        {
            return false;
        }

        var (left, right) = (Normalize(a), Normalize(b));
        return string.Equals(left, right, StringComparison.OrdinalIgnoreCase)
            || (CityFor(a) is { } city && string.Equals(city, CityFor(b), StringComparison.OrdinalIgnoreCase))
            || (CountryFor(a) is { } country && string.Equals(country, CountryFor(b), StringComparison.OrdinalIgnoreCase));
    }

    // "St. Petersburg", "St Petersburg" and "Saint Petersburg" are one name; so are runs of spaces and dashes.
    private static string Normalize(string name)
    {
        var text = string.Join(' ', name.Trim().Split([' ', '\t', '-', '‐', '–'], StringSplitOptions.RemoveEmptyEntries));
        if (text.StartsWith("St. ", StringComparison.OrdinalIgnoreCase) || text.StartsWith("St ", StringComparison.OrdinalIgnoreCase))
        {
            text = "Saint " + text[(text.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        }

        return text;
    }
}
