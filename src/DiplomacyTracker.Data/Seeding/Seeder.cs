using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Documents;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Participants;
using DiplomacyTracker.Data.Places;
using DiplomacyTracker.Data.Sources;
using DiplomacyTracker.Data.Statements;
using DiplomacyTracker.Data.Topics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DiplomacyTracker.Data.Seeding;

/// <summary>
/// Inserts curated seed records that have never been applied, in one transaction. Insert-only:
/// an applied key is remembered in AppliedSeeds and never touched again, whatever people did to its row since.
/// </summary>
internal sealed class Seeder(DiplomacyDbContext db, ILogger logger)
{
    public async Task SeedAsync(SeedFile seed, CancellationToken cancellationToken)
    {
        // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default): two instances starting at once seed one after the other,
        // and the second sees what the first applied.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var applied = (await db.Set<AppliedSeed>().Select(a => a.Key).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        // Every start after the first: nothing to claim, so none of the lookups below (and their query compilation,
        // a good part of a cold start) is needed.
        if (SeedKeys(seed).All(applied.Contains))
        {
            logger.LogInformation("Seed already applied; nothing to add");
            return;
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        var added = 0;

        bool Claim(string key)
        {
            if (!applied.Add(key))
            {
                return false;
            }

            db.Set<AppliedSeed>().Add(new AppliedSeed { Key = key, AppliedAt = now });
            added++;
            return true;
        }

        var topics = await db.Topics.ToDictionaryAsync(t => t.Slug, StringComparer.Ordinal, cancellationToken);
        foreach (var topic in seed.Topics.Where(t => Claim(TopicKey(t)) && !topics.ContainsKey(t.Key)))
        {
            topics[topic.Key] = db.Topics.Add(new Topic { Slug = topic.Key, Name = topic.Name }).Entity;
        }

        var people = await db.People.Where(p => p.SeedKey != null).ToDictionaryAsync(p => p.SeedKey!, StringComparer.Ordinal, cancellationToken);
        foreach (var person in seed.People.Where(p => Claim(PersonKey(p))))
        {
            people[person.Key] = db.People.Add(new Person
            {
                SeedKey = person.Key,
                Slug = person.Key,
                NameEn = person.NameEn,
                NameZh = person.NameZh,
                NameRu = person.NameRu,
                Country = Enum.Parse<Side>(person.Country),
                Description = person.Description,
            }).Entity;
        }

        var sources = await db.Sources.Where(s => s.SeedKey != null).ToDictionaryAsync(s => s.SeedKey!, StringComparer.Ordinal, cancellationToken);
        foreach (var source in seed.Sources.Where(s => Claim(SourceKey(s))))
        {
            sources[source.Key] = db.Sources.Add(new Source
            {
                SeedKey = source.Key,
                Title = source.Title,
                TitleIsEditorial = source.TitleIsEditorial,
                Outlet = source.Outlet,
                ReportsFrom = source.ReportsFrom,
                PublishedOn = PartialDate.Parse(source.PublishedOn),
                Text = source.Text,
                FileName = source.File,
                Notes = source.Notes,
            }).Entity;
        }

        // A place an editor already added (same city and country, any case) stays as they entered it.
        var places = (await db.Places.Select(p => new { p.City, p.Country }).ToListAsync(cancellationToken))
            .Select(p => PlaceQueries.Key(p.City, p.Country)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var place in seed.Gazetteer.Places.Where(p => Claim(PlaceKey(p)) && places.Add(PlaceQueries.Key(p.City, p.Country))))
        {
            db.Places.Add(new Place { City = place.City, Country = place.Country, Latitude = place.Latitude, Longitude = place.Longitude });
        }

        foreach (var item in seed.Events.Where(e => Claim(EventKey(e))))
        {
            db.Events.Add(BuildEvent(item, people, sources, topics));
        }

        if (added > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Seed applied {Count} new record(s)", added);
        }
        else
        {
            logger.LogInformation("Seed already applied; nothing to add");
        }
    }

    // The AppliedSeeds key of every record in the seed. A new kind of seed record must be claimed with a key listed
    // here too, or restarts would skip it.
    private static IEnumerable<string> SeedKeys(SeedFile seed) =>
        seed.Topics.Select(TopicKey)
            .Concat(seed.People.Select(PersonKey))
            .Concat(seed.Sources.Select(SourceKey))
            .Concat(seed.Gazetteer.Places.Select(PlaceKey))
            .Concat(seed.Events.Select(EventKey));

    private static string TopicKey(SeedTopic topic) => "topic:" + topic.Key;

    private static string PersonKey(SeedPerson person) => "person:" + person.Key;

    private static string SourceKey(SeedSource source) => "source:" + source.Key;

    private static string PlaceKey(SeedPlace place) => "place:" + place.Key;

    private static string EventKey(SeedEvent item) => "event:" + item.Key;

    private static Event BuildEvent(SeedEvent item, Dictionary<string, Person> people, Dictionary<string, Source> sources, Dictionary<string, Topic> topics)
    {
        Person PersonFor(string key) => people.TryGetValue(key, out var p) ? p : throw new InvalidDataException($"Seed event '{item.Key}' names unknown person '{key}'.");
        Source SourceFor(string key) => sources.TryGetValue(key, out var s) ? s : throw new InvalidDataException($"Seed event '{item.Key}' names unknown source '{key}'.");
        List<Topic> TopicsFor(IEnumerable<string>? keys) => (keys ?? []).Select(k => topics.TryGetValue(k, out var t) ? t : throw new InvalidDataException($"Seed event '{item.Key}' names unknown topic '{k}'.")).ToList();

        var entity = new Event
        {
            SeedKey = item.Key,
            Title = item.Title,
            Type = Enum.Parse<EventType>(item.Type),
            Status = Enum.Parse<EventStatus>(item.Status),
            DateNote = item.DateNote,
            Summary = item.Summary,
            HostSide = Enum.Parse<Side>(item.HostSide),
            IsMentionedOnly = item.MentionedOnly,
            Sources = item.Sources.Select(SourceFor).ToList(),
            Topics = TopicsFor(item.Topics),
            Participants = (item.Participants ?? []).Select(p => new EventParticipant { Person = PersonFor(p.Person), Role = p.Role }).ToList(),
            Legs = (item.Legs ?? []).Select((l, i) => new EventLeg
            {
                Position = i,
                City = l.City,
                Country = l.Country,
                Site = l.Site,
                Start = PartialDate.Parse(l.Start),
                End = PartialDate.Parse(l.End),
                Attendees = (l.Attendees ?? []).Select(PersonFor).ToList(),
            }).ToList(),
            Documents = (item.Documents ?? []).Select(d => new SignedDocument
            {
                SeedKey = d.Key,
                Title = d.Title,
                Kind = Enum.Parse<DocumentKind>(d.Kind),
                Summary = d.Summary,
                Source = SourceFor(d.Source),
            }).ToList(),
            Statements = (item.Statements ?? []).Select(s =>
            {
                var source = SourceFor(s.Source);
                var offset = source.Text.IndexOf(s.Text, StringComparison.Ordinal);
                return new Statement
                {
                    SeedKey = s.Key,
                    Speaker = s.Speaker is null ? null : PersonFor(s.Speaker),
                    Attribution = s.Attribution,
                    Kind = Enum.Parse<StatementKind>(s.Kind),
                    Text = s.Text,
                    Source = source,
                    SourceOffset = offset >= 0 ? offset : null,
                    Topics = TopicsFor(s.Topics),
                };
            }).ToList(),
        };
        entity.SetDates(PartialDate.Parse(item.Start), PartialDate.Parse(item.End));
        return entity;
    }
}
