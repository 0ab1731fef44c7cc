using System.Text.Json;
using System.Text.Json.Serialization;

namespace DiplomacyTracker.Data.Seeding;

/// <summary>
/// The curated seed as people write it in data/seed/*.json (see docs/data-model.md for the curation rules).
/// Records reference each other by key; dates are ISO strings at their precision, "~" marking an approximate one.
/// </summary>
public sealed record SeedFile(
    IReadOnlyList<SeedTopic> Topics,
    IReadOnlyList<SeedPerson> People,
    IReadOnlyList<SeedSource> Sources,
    IReadOnlyList<SeedEvent> Events,
    SeedGazetteer Gazetteer)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads seed/topics.json, people.json, sources.json, events.json, the article texts and gazetteer.json under <paramref name="directory"/>.</summary>
    public static SeedFile Load(string directory)
    {
        T Read<T>(string name)
        {
            var path = Path.Combine(directory, name);
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<T>(stream, JsonOptions)
                ?? throw new InvalidDataException($"{path} is empty.");
        }

        var sources = Read<List<SeedSource>>(Path.Combine("seed", "sources.json"))
            .Select(s => s with { Text = File.ReadAllText(Path.Combine(directory, "articles", s.File)) })
            .ToList();
        return new SeedFile(
            Read<List<SeedTopic>>(Path.Combine("seed", "topics.json")),
            Read<List<SeedPerson>>(Path.Combine("seed", "people.json")),
            sources,
            Read<List<SeedEvent>>(Path.Combine("seed", "events.json")),
            LoadGazetteer(directory));
    }

    /// <summary>Reads gazetteer.json under <paramref name="directory"/> alone (the names of places, without the rest of the seed).</summary>
    public static SeedGazetteer LoadGazetteer(string directory)
    {
        var path = Path.Combine(directory, "gazetteer.json");
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<SeedGazetteer>(stream, JsonOptions) ?? throw new InvalidDataException($"{path} is empty.");
    }
}

public sealed record SeedTopic(string Key, string Name);

public sealed record SeedPerson(string Key, string NameEn, string? NameZh, string? NameRu, string Country, string? Description);

public sealed record SeedSource(
    string Key,
    string File,
    string Title,
    bool TitleIsEditorial,
    string? Outlet,
    string? ReportsFrom,
    string? PublishedOn,
    string? Notes)
{
    [JsonIgnore]
    public string Text { get; init; } = string.Empty;
}

/// <summary>Text in a source that states a date, and the ISO date it means.</summary>
public sealed record SeedDateEvidence(string Source, string Quote, string Means);

public sealed record SeedParticipant(string Person, string Role);

public sealed record SeedLeg(string City, string Country, string? Site, string? Start, string? End, IReadOnlyList<string>? Attendees);

public sealed record SeedDocument(string Key, string Title, string Kind, string? Summary, string Source);

public sealed record SeedStatement(
    string Key,
    string? Speaker,
    string? Attribution,
    string Kind,
    string Text,
    string Source,
    IReadOnlyList<string>? Topics);

public sealed record SeedEvent(
    string Key,
    string Title,
    string Type,
    string Status,
    string? Start,
    string? End,
    string? DateNote,
    IReadOnlyList<SeedDateEvidence>? DateEvidence,
    string Summary,
    string HostSide,
    bool MentionedOnly,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string>? Topics,
    IReadOnlyList<SeedParticipant>? Participants,
    IReadOnlyList<SeedLeg>? Legs,
    IReadOnlyList<SeedDocument>? Documents,
    IReadOnlyList<SeedStatement>? Statements);

/// <summary>data/gazetteer.json: the one list of places (cities with coordinates) and the countries they are in, and
/// the other spellings of people's names.</summary>
public sealed record SeedGazetteer(IReadOnlyList<SeedCountry> Countries, IReadOnlyList<SeedPlace> Places, IReadOnlyList<SeedPersonNames>? People = null);

/// <summary>Spellings of a person's name besides the NameEn / NameZh / NameRu stored on the row ("Dmitri Medvedev"), by
/// the person's slug.</summary>
public sealed record SeedPersonNames(string Person, SeedNames Names);

/// <summary>A country by the English name legs use, with its other names.</summary>
public sealed record SeedCountry(string Name, SeedNames? Names);

/// <summary>A city: the names legs use for it and its country, its point (decimal degrees), and its other names.</summary>
public sealed record SeedPlace(string Key, string City, string Country, double Latitude, double Longitude, SeedNames? Names);

/// <summary>Other names of a place or country by language: English spellings and former names, Russian, Chinese.</summary>
public sealed record SeedNames(IReadOnlyList<string>? En, IReadOnlyList<string>? Ru, IReadOnlyList<string>? Zh)
{
    public IEnumerable<string> All => (En ?? []).Concat(Ru ?? []).Concat(Zh ?? []);
}
