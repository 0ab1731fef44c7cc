using System.Globalization;
using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Participants;
using DiplomacyTracker.Data.ScaleOut;
using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Data.Places;

/// <summary>
/// People and places by any of their names, in memory, for the filters, the text search and the search box's
/// suggestions: what was typed ("Путин", "普京", "Vladimir Vladimirovich Putin", "Пекин") is resolved here to person ids
/// and stored city / country names, so the database is asked only indexed equalities. Read once per write
/// generation (<see cref="RecordGeneration"/>): a few hundred people and the distinct venues, not a table per request.
/// </summary>
public sealed class NameIndex(IDbContextFactory<DiplomacyDbContext> contextFactory, Gazetteer gazetteer, RecordGeneration generation)
{
    private readonly Lock gate = new();
    private (long Generation, Task<Names> Names)? current;

    public async Task<Names> GetAsync(CancellationToken cancellationToken = default)
    {
        var now = await generation.CurrentAsync();
        Task<Names> names;
        lock (gate)
        {
            if (current is { } c && c.Generation == now && !c.Names.IsFaulted && !c.Names.IsCanceled)
            {
                names = c.Names;
            }
            else
            {
                // Not tied to the caller's token: the snapshot is shared by every request of this generation.
                names = LoadAsync(CancellationToken.None);
                current = (now, names);
            }
        }

        return await names.WaitAsync(cancellationToken);
    }

    private async Task<Names> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var people = await db.People.AsNoTracking()
            .Select(p => new NamedPerson(p.Id, p.Slug, p.NameEn, p.NameZh, p.NameRu, p.Country, db.EventParticipants.Any(ep => ep.PersonId == p.Id)))
            .ToListAsync(cancellationToken);
        var cities = await DistinctLegValues(db, "City").ToListAsync(cancellationToken);
        var countries = await DistinctLegValues(db, "Country").ToListAsync(cancellationToken);
        var topics = await db.Topics.AsNoTracking().OrderBy(t => t.Name).Select(t => new NamedTopic(t.Slug, t.Name)).ToListAsync(cancellationToken);
        return new Names(gazetteer, people, cities, countries, topics);
    }

    /// <summary>
    /// The distinct values of EventLegs.City or .Country (NOCASE, as the column compares), soft-deleted events' legs
    /// included. A plain DISTINCT reads every entry of the column's index (1,500,000 at a million events, on the first
    /// request and after every write); this skip-scan seeks once per distinct value instead (a few dozen).
    /// </summary>
    internal static IQueryable<string> DistinctLegValues(DiplomacyDbContext db, string column)
    {
        if (column is not ("City" or "Country"))
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, "City or Country.");
        }

#pragma warning disable EF1002 // The column name is one of two constants, checked above; nothing from outside.
        return db.Database.SqlQueryRaw<string>($"""
            WITH RECURSIVE walk("Value") AS (
                SELECT min("{column}") FROM "EventLegs"
                UNION ALL
                SELECT (SELECT min("{column}") FROM "EventLegs" WHERE "{column}" > walk."Value") FROM walk WHERE walk."Value" IS NOT NULL)
            SELECT "Value" FROM walk WHERE "Value" IS NOT NULL
            """);
#pragma warning restore EF1002
    }
}

public sealed record NamedPerson(int Id, string Slug, string NameEn, string? NameZh, string? NameRu, Side Country, bool HasEvents);

public sealed record NamedTopic(string Slug, string Name);

/// <summary>What a suggestion sets when picked: <see cref="Kind"/> is the filter ("participant", "venue", "topic"),
/// <see cref="Value"/> its value, <see cref="Label"/> what the reader sees, <see cref="Matched"/> the name that matched
/// what was typed (when not the label itself).</summary>
public sealed record NameSuggestion(string Kind, string Value, string Label, string? Matched);

/// <summary>One generation's snapshot of <see cref="NameIndex"/>.</summary>
public sealed class Names
{
    private static readonly char[] Separators = [' ', '\t', '·', '・', '•', '‧', '-', '‐', '–', '.', ','];

    private readonly Gazetteer gazetteer;
    private readonly Dictionary<string, List<NamedPerson>> peopleByName = new(StringComparer.Ordinal);
    private readonly List<(string Name, NamedPerson Person)> personNames = [];
    private readonly IReadOnlyList<string> venues;
    private readonly IReadOnlyList<NamedTopic> topics;

    public Names(Gazetteer gazetteer, IReadOnlyList<NamedPerson> people, IEnumerable<string> cities, IEnumerable<string> countries, IReadOnlyList<NamedTopic> topics)
    {
        this.gazetteer = gazetteer;
        this.topics = topics;
        venues = countries.Concat(cities).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var person in people)
        {
            foreach (var name in NamesOf(person))
            {
                personNames.Add((name, person));
                var key = Normalize(name);
                if (key.Length == 0)
                {
                    continue;
                }

                if (!peopleByName.TryGetValue(key, out var list))
                {
                    peopleByName[key] = list = [];
                }

                if (!list.Contains(person))
                {
                    list.Add(person);
                }
            }
        }
    }

    /// <summary>
    /// The people a participant filter or a search term means: by slug, by any stored or gazetteer name in any script
    /// and case, by surname alone (Putin, Путин, 普京; Xi, Си, 习), or by a full name with a patronymic or middle name
    /// ("Vladimir Vladimirovich Putin"). Empty when nobody is called that.
    /// </summary>
    public IReadOnlyList<NamedPerson> PeopleNamed(string? typed)
    {
        var key = Normalize(typed);
        if (key.Length == 0)
        {
            return [];
        }

        if (peopleByName.TryGetValue(key, out var found))
        {
            return found;
        }

        // First and last word of a longer name: "Vladimir Vladimirovich Putin" is "Vladimir Putin".
        var words = key.Split(' ');
        return words.Length >= 3 && peopleByName.TryGetValue(words[0] + " " + words[^1], out var outer) ? outer : [];
    }

    /// <summary>The city and country names legs store for what was typed (either may be the typed text itself).</summary>
    public (string City, string Country) Venue(string typed)
    {
        var text = typed.Trim();
        return (gazetteer.CityFor(text) ?? text, gazetteer.CountryFor(text) ?? text);
    }

    /// <summary>
    /// Other names of the person or place <paramref name="term"/> names, in every script, for the text search to look
    /// for as well ("Путин" also finds "Putin" and "普京"); empty when the term names nobody and nowhere.
    /// </summary>
    public IReadOnlyList<string> AlsoKnownAs(string term)
    {
        var names = new List<string>();
        foreach (var person in PeopleNamed(term).Take(3))
        {
            names.AddRange(SearchNamesOf(person));
        }

        if (gazetteer.CityFor(term) is { } city)
        {
            names.AddRange(gazetteer.NamesOfCity(city));
        }

        if (gazetteer.CountryFor(term) is { } country)
        {
            names.AddRange(gazetteer.NamesOfCountry(country));
        }

        var typed = Normalize(term);
        return names.Where(n => Normalize(n) != typed).Distinct(StringComparer.OrdinalIgnoreCase).Take(12).ToList();
    }

    /// <summary>People (with events), venues on record and topics whose name in any script starts with what was typed,
    /// or has a word that does; people first, then places, then topics.</summary>
    public IReadOnlyList<NameSuggestion> Suggest(string? typed, int max = 10)
    {
        var key = Normalize(typed);
        if (key.Length == 0)
        {
            return [];
        }

        var suggestions = new List<NameSuggestion>();
        foreach (var group in personNames.Where(n => n.Person.HasEvents && Starts(n.Name, key)).GroupBy(n => n.Person.Id))
        {
            var person = group.First().Person;
            var matched = group.Select(n => n.Name).FirstOrDefault(n => !string.Equals(n, person.NameEn, StringComparison.Ordinal) && n != person.Slug && Starts(n, key));
            suggestions.Add(new NameSuggestion("participant", person.Slug, person.NameEn, group.Any(n => n.Name == person.NameEn) ? null : matched));
        }

        foreach (var venue in venues)
        {
            var names = gazetteer.NamesOfCity(venue).Concat(gazetteer.NamesOfCountry(venue)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (names.FirstOrDefault(n => Starts(n, key)) is { } matched)
            {
                suggestions.Add(new NameSuggestion("venue", venue, venue, string.Equals(matched, venue, StringComparison.OrdinalIgnoreCase) ? null : matched));
            }
        }

        suggestions.AddRange(topics.Where(t => Starts(t.Name, key) || Starts(t.Slug, key)).Select(t => new NameSuggestion("topic", t.Slug, t.Name, null)));
        return suggestions.Take(max).ToList();
    }

    /// <summary>Lower case (any script), trimmed, separators (spaces, dashes, the middle dot of 弗拉基米尔·普京, dots) as one space.</summary>
    public static string Normalize(string? name) =>
        string.IsNullOrWhiteSpace(name) ? string.Empty : string.Join(' ', name.ToLower(CultureInfo.InvariantCulture).Split(Separators, StringSplitOptions.RemoveEmptyEntries));

    // A name, or one of its words, starts with the typed text.
    private static bool Starts(string name, string key)
    {
        var normalized = Normalize(name);
        return normalized.StartsWith(key, StringComparison.Ordinal)
            || normalized.Split(' ').Any(w => w.StartsWith(key, StringComparison.Ordinal))
            || (ChineseText.HasIdeographs(key) && normalized.Contains(key, StringComparison.Ordinal));
    }

    private IEnumerable<string> NamesOf(NamedPerson person)
    {
        yield return person.Slug;
        foreach (var name in SearchNamesOf(person))
        {
            yield return name;
        }
    }

    // Full names, gazetteer spellings and surnames: the family name comes first in Chinese names (Xi Jinping, Си
    // Цзиньпин, 习近平: Xi, Си, 习) and last in others (Vladimir Putin, 弗拉基米尔·普京: Putin, 普京).
    private IEnumerable<string> SearchNamesOf(NamedPerson person)
    {
        var chinese = person.Country == Side.China;
        foreach (var full in new[] { person.NameEn, person.NameRu }.Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            yield return full!;
            var words = full!.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length > 1)
            {
                yield return chinese ? words[0] : words[^1];
            }
        }

        if (!string.IsNullOrWhiteSpace(person.NameZh))
        {
            yield return person.NameZh;
            var parts = person.NameZh.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 1)
            {
                yield return string.Concat(parts);
                yield return parts[^1];
            }
            else if (chinese && person.NameZh.Length is 2 or 3)
            {
                yield return person.NameZh[..1];
            }
        }

        foreach (var name in gazetteer.NamesOfPerson(person.Slug))
        {
            yield return name;
        }
    }
}
