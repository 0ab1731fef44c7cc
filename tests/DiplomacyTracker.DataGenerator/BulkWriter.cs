using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Operations;
using DiplomacyTracker.Data.Statements;
using Microsoft.Data.Sqlite;

namespace DiplomacyTracker.DataGenerator;

/// <summary>
/// Inserts synthetic rows with prepared commands in large transactions, inside a <see cref="BulkLoad"/>: triggers and
/// indexes off during the inserts, then the indexes and the trigger-kept tables (full text) built once, as the app's
/// triggers would have filled them. Ids are assigned here (after the seeded rows) to avoid round trips.
/// Deterministic: the same options give the same database.
/// </summary>
public sealed class BulkWriter(SqliteConnection connection, GeneratorOptions options)
{
    private const int EventsPerTransaction = 20_000;

    private static readonly DateTime Epoch = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly Random random = new(options.Seed);
    private readonly StringBuilder text = new(1024);

    /// <param name="withTriggers">Insert with the triggers and indexes in place, the way the app writes (slow: for
    /// tests that compare it with the bulk load).</param>
    /// <param name="progress">Told what each phase took.</param>
    public string Write(bool withTriggers = false, Action<string>? progress = null)
    {
        var load = withTriggers ? null : BulkLoad.Begin(connection);
        Execute("PRAGMA temp_store=MEMORY; PRAGMA cache_size=-262144;");
        var xi = ScalarInt("SELECT Id FROM People WHERE Slug = 'xi-jinping'");
        var putin = ScalarInt("SELECT Id FROM People WHERE Slug = 'vladimir-putin'");

        var people = InsertPeople();
        var topics = InsertTopics();
        var sources = InsertSources();
        var clock = Stopwatch.StartNew();
        var rows = InsertEvents(people, topics, sources, xi, putin);
        progress?.Invoke($"rows inserted in {clock.Elapsed.TotalSeconds:F1} s");
        load?.Complete(progress);
        Execute("PRAGMA wal_checkpoint(TRUNCATE);");
        return $"{people.Count} people, {topics.Count} topics, {sources.Count} sources, {rows} (in {clock.Elapsed.TotalSeconds:F1} s)";
    }

    private List<(int Id, Side Side)> InsertPeople()
    {
        var people = new List<(int Id, Side Side)>();
        using (var existing = Command("SELECT Id, Country FROM People"))
        using (var reader = existing.ExecuteReader())
        {
            while (reader.Read())
            {
                people.Add((reader.GetInt32(0), (Side)reader.GetInt32(1)));
            }
        }

        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var nextId = ScalarInt("SELECT COALESCE(MAX(Id), 0) FROM People") + 1;
        using var transaction = connection.BeginTransaction();
        using var insert = Command(
            "INSERT INTO People (Id, Slug, NameEn, NameZh, NameRu, Country, Description, Version, CreatedAt, UpdatedAt, SeedKey) " +
            "VALUES ($id, $slug, $name, NULL, NULL, $country, $description, $version, $created, $updated, NULL)",
            transaction);
        while (people.Count < options.People)
        {
            var pick = random.NextDouble();
            var (name, side) = pick switch
            {
                < 0.45 => ($"{Pick(Vocabulary.ChineseSurnames)} {Pick(Vocabulary.ChineseGivenNames)}", Side.China),
                < 0.9 => ($"{Pick(Vocabulary.RussianGivenNames)} {Pick(Vocabulary.RussianSurnames)}", Side.Russia),
                _ => (Pick(Vocabulary.OtherNames), Side.ThirdCountry),
            };
            var slug = Slug(name);
            for (var n = 2; !slugs.Add(slug); n++)
            {
                slug = Slug(name) + "-" + n.ToString(CultureInfo.InvariantCulture);
            }

            var created = Timestamp();
            Run(insert, nextId, slug, name, (int)side, Pick(Vocabulary.Roles), Version(), created, created);
            people.Add((nextId++, side));
        }

        transaction.Commit();
        return people;
    }

    private List<int> InsertTopics()
    {
        var existing = new HashSet<string>(StringComparer.Ordinal);
        using (var select = Command("SELECT Slug FROM Topics"))
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                existing.Add(reader.GetString(0));
            }
        }

        using (var transaction = connection.BeginTransaction())
        using (var insert = Command("INSERT INTO Topics (Slug, Name) VALUES ($slug, $name)", transaction))
        {
            foreach (var subject in Vocabulary.Subjects.Take(20))
            {
                var name = subject.StartsWith("the ", StringComparison.Ordinal) ? subject[4..] : subject;
                name = char.ToUpperInvariant(name[0]) + name[1..];
                if (existing.Add(Slug(name)))
                {
                    Run(insert, Slug(name), name);
                }
            }

            transaction.Commit();
        }

        return ReadIds("SELECT Id FROM Topics ORDER BY Id");
    }

    private List<int> InsertSources()
    {
        var count = Math.Max(50, options.Events / 20);
        var nextId = ScalarInt("SELECT COALESCE(MAX(Id), 0) FROM Sources") + 1;
        using var transaction = connection.BeginTransaction();
        using var insert = Command(
            "INSERT INTO Sources (Id, Title, TitleIsEditorial, Outlet, ReportsFrom, Url, Text, FileName, Notes, " +
            "PublishedOn_Year, PublishedOn_Month, PublishedOn_Day, PublishedOn_Precision, PublishedOn_IsApproximate, Version, CreatedAt, UpdatedAt, SeedKey) " +
            "VALUES ($id, $title, 0, $outlet, $from, $url, $text, NULL, NULL, $year, $month, $day, 3, 0, $version, $created, $updated, NULL)",
            transaction);
        for (var i = 0; i < count; i++)
        {
            var id = nextId + i;
            var (city, _, _) = Pick(Vocabulary.Venues);
            var year = RandomYear();
            var month = random.Next(1, 13);
            var day = random.Next(1, DateTime.DaysInMonth(year, month) + 1);
            var title = $"{Capitalize(Pick(Vocabulary.Subjects))}: {Sentence(6, 12)}";
            var created = Timestamp();
            Run(insert, id, Truncate(title, 300), Pick(Vocabulary.Outlets), city, $"https://example.org/news/{id}", Paragraph(3), year, month, day, Version(), created, created);
        }

        transaction.Commit();
        return Enumerable.Range(nextId, count).ToList();
    }

    // One table's insert: the prepared command the writer runs, in the order of InsertEvents' commands.
    private enum Table { Event, Leg, Attendee, Participant, EventTopic, EventSource, Statement, StatementTopic, Document }

    // The rows of a few hundred events, made by the generating thread and written by the writing one.
    private sealed class Batch
    {
        public List<(Table Table, object?[] Values)> Rows { get; } = new(EventsPerBatch * 24);

        public int Events { get; set; }

        public void Add(Table table, params object?[] values) => Rows.Add((table, values));
    }

    private const int EventsPerBatch = 500;

    private string InsertEvents(List<(int Id, Side Side)> people, List<int> topics, List<int> sources, int xi, int putin)
    {
        var start = new Ids(
            ScalarInt("SELECT COALESCE(MAX(Id), 0) FROM Events") + 1,
            ScalarInt("SELECT COALESCE(MAX(Id), 0) FROM EventLegs") + 1,
            ScalarInt("SELECT COALESCE(MAX(Id), 0) FROM Statements") + 1,
            ScalarInt("SELECT COALESCE(MAX(Id), 0) FROM Documents") + 1);
        var ukraine = ScalarInt("SELECT COALESCE((SELECT Id FROM Topics WHERE Slug = 'ukraine'), 0)");
        long legs = 0, participants = 0, statements = 0, documents = 0;

        using var insertEvent = new PreparedInsert(connection,
            "INSERT INTO Events (Id, Title, Type, Status, SortKey, DateNote, Summary, HostSide, IsMentionedOnly, IsDeleted, DeletedAt, DeletedBy, " +
            "Start_Year, Start_Month, Start_Day, Start_Precision, Start_IsApproximate, End_Year, End_Month, End_Day, End_Precision, End_IsApproximate, " +
            "Version, CreatedAt, UpdatedAt, SeedKey) VALUES ($id, $title, $type, $status, $sortKey, $dateNote, $summary, $host, $mentioned, $deleted, $deletedAt, $deletedBy, " +
            "$sy, $sm, $sd, $sp, $sa, $ey, $em, $ed, $ep, $ea, $version, $created, $updated, NULL)");
        using var insertLeg = new PreparedInsert(connection,
            "INSERT INTO EventLegs (Id, EventId, Position, City, Country, Site, Start_Year, Start_Month, Start_Day, Start_Precision, Start_IsApproximate, " +
            "End_Year, End_Month, End_Day, End_Precision, End_IsApproximate) VALUES ($id, $event, $position, $city, $country, $site, $sy, $sm, $sd, $sp, $sa, $ey, $em, $ed, $ep, $ea)");
        using var insertAttendee = new PreparedInsert(connection, "INSERT INTO LegAttendees (LegId, PersonId) VALUES ($leg, $person)");
        using var insertParticipant = new PreparedInsert(connection, "INSERT INTO EventParticipants (EventId, PersonId, Role) VALUES ($event, $person, $role)");
        using var insertTopic = new PreparedInsert(connection, "INSERT INTO EventTopics (EventId, TopicsId) VALUES ($event, $topic)");
        using var insertSource = new PreparedInsert(connection, "INSERT INTO EventSources (EventsId, SourcesId) VALUES ($event, $source)");
        using var insertStatement = new PreparedInsert(connection,
            "INSERT INTO Statements (Id, EventId, SpeakerId, Attribution, Kind, Text, SourceId, SourceOffset, Version, CreatedAt, UpdatedAt, SeedKey) " +
            "VALUES ($id, $event, $speaker, $attribution, $kind, $text, $source, NULL, $version, $created, $updated, NULL)");
        using var insertStatementTopic = new PreparedInsert(connection, "INSERT INTO StatementTopics (StatementId, TopicsId) VALUES ($statement, $topic)");
        using var insertDocument = new PreparedInsert(connection,
            "INSERT INTO Documents (Id, EventId, Title, Kind, Summary, SourceId, Version, CreatedAt, UpdatedAt, SeedKey) " +
            "VALUES ($id, $event, $title, $kind, $summary, $source, $version, $created, $updated, NULL)");
        PreparedInsert[] commands = [insertEvent, insertLeg, insertAttendee, insertParticipant, insertTopic, insertSource, insertStatement, insertStatementTopic, insertDocument];

        // Making the text takes about as long as inserting it, so one thread makes rows while this one writes them.
        // The generating thread draws every random number, in the same order as before: the output stays deterministic.
        using var queue = new BlockingCollection<Batch>(boundedCapacity: 8);
        var producer = Task.Run(() =>
        {
            try
            {
                foreach (var batch in Generate(people, topics, sources, xi, putin, ukraine, start))
                {
                    queue.Add(batch);
                }
            }
            finally
            {
                queue.CompleteAdding();
            }
        });

        var transaction = connection.BeginTransaction();
        var written = 0;
        foreach (var batch in queue.GetConsumingEnumerable())
        {
            foreach (var (table, values) in batch.Rows)
            {
                commands[(int)table].Run(values);
                switch (table)
                {
                    case Table.Leg: legs++; break;
                    case Table.Participant: participants++; break;
                    case Table.Statement: statements++; break;
                    case Table.Document: documents++; break;
                }
            }

            written += batch.Events;
            if (written % EventsPerTransaction == 0)
            {
                transaction.Commit();
                transaction.Dispose();
                transaction = connection.BeginTransaction();
            }
        }

        producer.GetAwaiter().GetResult();
        transaction.Commit();
        transaction.Dispose();
        return $"{options.Events} events, {legs} legs, {participants} participants, {statements} statements, {documents} documents";
    }

    private readonly record struct Ids(int Event, int Leg, int Statement, int Document);

    private IEnumerable<Batch> Generate(List<(int Id, Side Side)> people, List<int> topics, List<int> sources, int xi, int putin, int ukraine, Ids start)
    {
        var chinese = people.Where(p => p.Side == Side.China && p.Id != xi).Select(p => p.Id).ToArray();
        var russians = people.Where(p => p.Side == Side.Russia && p.Id != putin).Select(p => p.Id).ToArray();
        var others = people.Where(p => p.Side == Side.ThirdCountry).Select(p => p.Id).ToArray();
        var (eventId, legId, statementId, documentId) = start;

        var chosen = new List<int>(8);
        var eventSources = new List<int>(3);
        var batch = new Batch();
        for (var i = 0; i < options.Events; i++, eventId++)
        {
            if (batch.Events == EventsPerBatch)
            {
                yield return batch;
                batch = new Batch();
            }

            batch.Events++;
            var type = RandomType();
            var (startDate, end) = RandomDates();
            var year = startDate.Year ?? 1990;
            var xiPutin = year >= 2013 && random.NextDouble() < 0.2 && type is not EventType.ForeignMinistersMeeting;
            var legCount = type == EventType.Call ? 1 : 1 + (int)Math.Floor(Math.Pow(random.NextDouble(), 2) * 3);
            var firstVenue = RandomVenue();
            var subject = Pick(Vocabulary.Subjects);

            chosen.Clear();
            if (xiPutin)
            {
                chosen.Add(xi);
                chosen.Add(putin);
            }

            var wanted = random.Next(2, 7);
            while (chosen.Count < wanted)
            {
                var pool = random.NextDouble() switch { < 0.45 => chinese, < 0.9 => russians, _ => others };
                var person = pool.Length > 0 ? Pick(pool) : Pick(chinese);
                if (!chosen.Contains(person))
                {
                    chosen.Add(person);
                }
            }

            var title = xiPutin
                ? $"Xi Jinping and Vladimir Putin {Pick(XiPutinVerbs)} in {firstVenue.City} on {subject}"
                : $"{Capitalize(TypeLabel(type))} in {firstVenue.City} on {subject}";
            var summary = $"{Capitalize(TypeLabel(type))} in {firstVenue.City}, {firstVenue.Country}, focused on {subject}. {Paragraph(random.Next(2, 4))}";
            var deleted = random.NextDouble() < 0.005;
            var created = Timestamp();
            var updated = random.NextDouble() < 0.2 ? created.AddDays(random.Next(1, 300)) : created;
            var status = random.NextDouble() switch { < 0.92 => EventStatus.Held, < 0.96 => EventStatus.Announced, < 0.98 => EventStatus.Postponed, _ => EventStatus.Cancelled };
            var host = firstVenue.Country switch { "China" => Side.China, "Russia" => Side.Russia, _ => Side.ThirdCountry };
            batch.Add(Table.Event, eventId, Truncate(title, Event.TitleMaxLength), (int)type, (int)status, startDate.SortKey,
                startDate.IsKnown && startDate.Precision != DatePrecision.Day ? "The sources give no exact day." : null,
                Truncate(summary, Event.SummaryMaxLength), (int)host, random.NextDouble() < 0.05, deleted,
                deleted ? updated : null, deleted ? "generator" : null,
                startDate.Year, startDate.Month, startDate.Day, (int)startDate.Precision, startDate.IsApproximate,
                end.Year, end.Month, end.Day, (int)end.Precision, end.IsApproximate,
                Version(), created, updated);

            for (var position = 0; position < legCount; position++, legId++)
            {
                var venue = position == 0 ? firstVenue : RandomVenue();
                var site = venue.Sites.Length > 0 && random.NextDouble() < 0.6 ? Pick(venue.Sites) : null;
                var legStart = position == 0 ? startDate : end.IsKnown ? end : startDate;
                batch.Add(Table.Leg, legId, eventId, position, venue.City, venue.Country, site,
                    legStart.Year, legStart.Month, legStart.Day, (int)legStart.Precision, legStart.IsApproximate,
                    null, null, null, (int)DatePrecision.Unknown, false);
                batch.Add(Table.Attendee, legId, chosen[0]);
                batch.Add(Table.Attendee, legId, chosen[1]);
            }

            foreach (var person in chosen)
            {
                batch.Add(Table.Participant, eventId, person, Pick(Vocabulary.Roles));
            }

            var topicA = year >= 2014 && ukraine > 0 && random.NextDouble() < 0.25 ? ukraine : Pick(topics);
            batch.Add(Table.EventTopic, eventId, topicA);
            var topicB = Pick(topics);
            if (topicB != topicA && random.NextDouble() < 0.5)
            {
                batch.Add(Table.EventTopic, eventId, topicB);
            }

            eventSources.Clear();
            eventSources.Add(Pick(sources));
            var second = Pick(sources);
            if (second != eventSources[0] && random.NextDouble() < 0.4)
            {
                eventSources.Add(second);
            }

            foreach (var source in eventSources)
            {
                batch.Add(Table.EventSource, eventId, source);
            }

            for (var s = 0; s < options.StatementsPerEvent; s++, statementId++)
            {
                var named = random.NextDouble() < 0.8;
                int? speaker = named ? chosen[random.Next(chosen.Count)] : null;
                var attribution = named ? null : Pick(Attributions);
                var kind = random.NextDouble() < 0.3 ? StatementKind.Quotation : StatementKind.Paraphrase;
                var statement = $"{Pick(Vocabulary.StatementOpenings)} {Sentence(12, 35)}";
                batch.Add(Table.Statement, statementId, eventId, speaker, attribution, (int)kind, statement, eventSources[0], Version(), created, created);
                if (random.NextDouble() < 0.3)
                {
                    batch.Add(Table.StatementTopic, statementId, topicA);
                }
            }

            if (random.NextDouble() < 0.05)
            {
                batch.Add(Table.Document, documentId++, eventId, $"Joint statement on {subject}", random.Next(0, 4), Sentence(15, 30), eventSources[0], Version(), created, created);
            }
        }

        if (batch.Events > 0)
        {
            yield return batch;
        }
    }

    private static readonly string[] XiPutinVerbs = ["hold talks", "meet", "hold a phone call", "sign a joint statement", "meet on the sidelines"];

    private static readonly string[] Attributions = ["Chinese Foreign Ministry", "Kremlin press service", "Joint statement", "Russian Foreign Ministry", "Xinhua commentary", "TASS report"];

    private static string TypeLabel(EventType type) => type switch
    {
        EventType.StateVisit => "state visit",
        EventType.OfficialVisit => "official visit",
        EventType.SummitSideline => "summit sideline meeting",
        EventType.PartyTalks => "party-to-party talks",
        EventType.ForeignMinistersMeeting => "foreign ministers' meeting",
        EventType.Call => "phone call",
        _ => "meeting",
    };

    private EventType RandomType() => random.NextDouble() switch
    {
        < 0.12 => EventType.StateVisit,
        < 0.27 => EventType.OfficialVisit,
        < 0.39 => EventType.SummitSideline,
        < 0.45 => EventType.PartyTalks,
        < 0.60 => EventType.ForeignMinistersMeeting,
        < 0.80 => EventType.Call,
        _ => EventType.Other,
    };

    // Two thirds of the venues drawn are the first eight (the Chinese and Russian capitals and big cities).
    private (string City, string Country, string[] Sites) RandomVenue() =>
        Vocabulary.Venues[random.NextDouble() < 0.66 ? random.Next(8) : random.Next(Vocabulary.Venues.Length)];

    // More events in recent decades: density grows linearly from 1950 to 2025.
    private int RandomYear() => Math.Min(2025, 1950 + (int)(76 * Math.Sqrt(random.NextDouble())));

    // Mostly to the day; some to the month or year only, a few unknown; some approximate.
    private (PartialDate Start, PartialDate End) RandomDates()
    {
        var year = RandomYear();
        var month = random.Next(1, 13);
        var day = random.Next(1, DateTime.DaysInMonth(year, month) + 1);
        var approximate = random.NextDouble() < 0.04;
        var precision = random.NextDouble();
        if (precision < 0.86)
        {
            var start = PartialDate.OfDay(year, month, day, approximate);
            var length = random.NextDouble() < 0.7 ? 0 : random.Next(1, 4);
            return length == 0
                ? (start, PartialDate.Unknown)
                : (start, PartialDate.OfDay(new DateOnly(year, month, day).AddDays(length), approximate));
        }

        return precision switch
        {
            < 0.93 => (PartialDate.OfMonth(year, month, approximate), PartialDate.Unknown),
            < 0.985 => (PartialDate.OfYear(year, approximate), PartialDate.Unknown),
            _ => (PartialDate.Unknown, PartialDate.Unknown),
        };
    }

    // Zipf-like: low indexes (the common words of communiqués) far more often than the tail.
    private string Word() => Vocabulary.Words[(int)(Math.Pow(random.NextDouble(), 2.5) * Vocabulary.Words.Length)];

    private string Sentence(int minWords, int maxWords)
    {
        text.Clear();
        var count = random.Next(minWords, maxWords + 1);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            text.Append(Word());
        }

        return text.Append('.').ToString();
    }

    private string Paragraph(int sentences)
    {
        var parts = new string[sentences];
        for (var i = 0; i < sentences; i++)
        {
            parts[i] = Capitalize(Sentence(10, 20));
        }

        return string.Join(' ', parts);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private string Version()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        // EF Core stores Guid as upper-case TEXT on SQLite.
        return new Guid(bytes).ToString().ToUpperInvariant();
    }

    private DateTime Timestamp() => Epoch.AddSeconds(random.Next(0, 2 * 365 * 24 * 3600));

    private static string Capitalize(string value) => value.Length == 0 ? value : char.ToUpperInvariant(value[0]) + value[1..];

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    private static string Slug(string name)
    {
        var slug = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    // Binds the values to the command's parameters in the order they appear in the SQL, then runs it.
    private static void Run(SqliteCommand command, params object?[] values)
    {
        if (command.Parameters.Count == 0)
        {
            foreach (var name in ParameterNames(command.CommandText))
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            if (command.Parameters.Count != values.Length)
            {
                throw new InvalidOperationException($"{values.Length} values for {command.Parameters.Count} parameters in: {command.CommandText}");
            }

            command.Prepare();
        }

        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                bool b => b ? 1 : 0,
                DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                var v => v,
            };
        }

        command.ExecuteNonQuery();
    }

    private static IEnumerable<string> ParameterNames(string sql)
    {
        for (var i = sql.IndexOf('$', StringComparison.Ordinal); i >= 0; i = sql.IndexOf('$', i + 1))
        {
            var end = i + 1;
            while (end < sql.Length && char.IsAsciiLetterOrDigit(sql[end]))
            {
                end++;
            }

            yield return sql[i..end];
        }
    }

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    private int ScalarInt(string sql)
    {
        using var command = Command(sql);
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private List<int> ReadIds(string sql)
    {
        var ids = new List<int>();
        using var command = Command(sql);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetInt32(0));
        }

        return ids;
    }
}
