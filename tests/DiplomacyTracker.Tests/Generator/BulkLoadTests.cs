using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Operations;
using DiplomacyTracker.DataGenerator;
using DiplomacyTracker.Testing;
using DiplomacyTracker.Tests.Support;
using Microsoft.Data.Sqlite;

namespace DiplomacyTracker.Tests.Generator;

/// <summary>
/// The benchmark's data generator loads with the triggers and indexes off and builds what they would have made at the
/// end (<see cref="BulkLoad"/>, <see cref="DerivedData"/>). These tests hold it to the app's own way of writing: the
/// same inserts made with the triggers on must give a database with the same schema, the same rows in every table and
/// the same tokens in every full-text index. A trigger-kept table added without its rebuild step fails here.
/// </summary>
public sealed class BulkLoadTests : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "diplomacy-bulk-load", Guid.NewGuid().ToString("N"));

    private string Seeded => Path.Combine(directory, "seeded.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        await SchemaAndSeed.CreateAsync(ConnectionString(Seeded), RepositoryPaths.Data);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public void A_generated_database_is_the_one_the_app_s_triggers_would_have_made()
    {
        var withTriggers = Copy("triggers.db");
        var bulk = Copy("bulk.db");
        var options = new GeneratorOptions(bulk, Events: 300, StatementsPerEvent: 4, People: 40, Seed: 7, RepositoryPaths.Data);
        Write(withTriggers, connection => new BulkWriter(connection, options).Write(withTriggers: true));
        Write(bulk, connection => new BulkWriter(connection, options).Write());

        AssertSameContents(withTriggers, bulk);
        // Not two empty indexes: the generated statements are found, as the timeline's search would find them.
        Assert.True(Count(bulk, "SELECT count(*) FROM EventText WHERE EventText MATCH 'energy'") > 100);
        Assert.Equal(Count(bulk, "SELECT count(*) FROM Events WHERE IsDeleted = 0"), Count(bulk, "SELECT count(*) FROM EventText"));
        Assert.Equal(Count(bulk, "SELECT count(*) FROM Events WHERE IsDeleted = 0"), Count(bulk, "SELECT Count FROM FilterCounts WHERE Kind = 'all'"));
        Assert.Equal("wal", Scalar(bulk, "PRAGMA journal_mode"));
    }

    [Fact]
    public void Chinese_and_Russian_text_loaded_in_bulk_is_indexed_as_the_triggers_index_it()
    {
        var withTriggers = Copy("triggers.db");
        var bulk = Copy("bulk.db");
        Write(withTriggers, InsertChineseVisit);
        Write(bulk, connection =>
        {
            var load = BulkLoad.Begin(connection);
            Assert.Contains(load.Dropped, d => d is { Type: "trigger", Name: "Statements_Derived_Insert" });
            Assert.Contains(load.Dropped, d => d is { Type: "index", Name: "IX_Statements_EventId" });
            InsertChineseVisit(connection);
            load.Complete();
        });

        AssertSameContents(withTriggers, bulk);
        // The bigram of 普京 inside 习近平会见普京 is what a search for 普京 asks for (FullTextQuery).
        Assert.Equal(1, Count(bulk, "SELECT count(*) FROM EventText WHERE EventText MATCH 'Bigrams:\"普京\"'"));
        Assert.Equal(1, Count(bulk, "SELECT count(*) FROM EventText WHERE EventText MATCH 'Statements:путиным'"));
    }

    private static void InsertChineseVisit(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO Events (Id, Title, Type, Status, SortKey, Summary, HostSide, IsMentionedOnly, IsDeleted,
                Start_Year, Start_Month, Start_Day, Start_Precision, Start_IsApproximate, End_Precision, End_IsApproximate, Version, CreatedAt, UpdatedAt)
            VALUES (900001, '习近平会见普京', 0, 0, 20240516, 'Си Цзиньпин встретился с Путиным в Пекине', 0, 0, 0,
                2024, 5, 16, 3, 0, 0, 0, '00000000-0000-0000-0000-000000000001', '2024-05-16 00:00:00', '2024-05-16 00:00:00');
            INSERT INTO EventLegs (Id, EventId, Position, City, Country, Start_Year, Start_Month, Start_Day, Start_Precision, Start_IsApproximate, End_Precision, End_IsApproximate)
            VALUES (900001, 900001, 0, 'Beijing', 'China', 2024, 5, 16, 3, 0, 0, 0);
            INSERT INTO Statements (Id, EventId, Attribution, Kind, Text, SourceId, Version, CreatedAt, UpdatedAt)
            VALUES (900001, 900001, 'Xinhua', 0, '习近平会见普京', (SELECT min(Id) FROM Sources), '00000000-0000-0000-0000-000000000002', '2024-05-16 00:00:00', '2024-05-16 00:00:00'),
                   (900002, 900001, 'TASS', 0, 'Си Цзиньпин встретился с Путиным', (SELECT min(Id) FROM Sources), '00000000-0000-0000-0000-000000000003', '2024-05-16 00:00:00', '2024-05-16 00:00:00');
            """;
        command.ExecuteNonQuery();
    }

    private static void AssertSameContents(string expectedPath, string actualPath)
    {
        var expected = DatabaseContents.Read(expectedPath);
        var actual = DatabaseContents.Read(actualPath);
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (name, contents) in expected)
        {
            // One table at a time, so a failure names the table that differs.
            Assert.True(contents == actual[name], $"{name} differs after the bulk load:\nexpected {Head(contents)}\nactual {Head(actual[name])}");
        }
    }

    private static string Head(string contents) => contents.Length <= 2000 ? contents : contents[..2000] + "…";

    private string Copy(string name)
    {
        var path = Path.Combine(directory, name);
        File.Copy(Seeded, path);
        return path;
    }

    private static void Write(string path, Action<SqliteConnection> write)
    {
        using var connection = new SqliteConnection(ConnectionString(path));
        connection.Open();
        SearchFunctions.Register(connection);
        write(connection);
    }

    private static long Count(string path, string sql) => Convert.ToInt64(Scalar(path, sql), System.Globalization.CultureInfo.InvariantCulture);

    private static string Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection(ConnectionString(path));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    private static string ConnectionString(string path) => new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
}
