using DiplomacyTracker.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace DiplomacyTracker.Testing;

/// <summary>
/// The whole app in memory (TestServer) on its own temporary database, migrated and seeded as on a first start: a
/// SQLite file, or with DIPLOMACY_TEST_PROVIDER=PostgreSQL a database of its own on the server that
/// DIPLOMACY_TEST_POSTGRES names (tests/postgres/cluster.sh starts one). One per test class (IClassFixture), so
/// classes never share a database.
/// </summary>
public class DiplomacyAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "diplomacy-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(directory, "diplomacy.db");

    public string LogDirectory => Path.Combine(directory, "logs");

    private readonly string postgresDatabase = "diplomacy_test_" + Guid.NewGuid().ToString("N");

    /// <summary>The database the tests run on (DIPLOMACY_TEST_PROVIDER), SQLite unless told otherwise.</summary>
    public static DatabaseProvider Provider { get; } =
        string.Equals(Environment.GetEnvironmentVariable("DIPLOMACY_TEST_PROVIDER"), "PostgreSQL", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.PostgreSql
            : DatabaseProvider.Sqlite;

    public string ConnectionString => Provider == DatabaseProvider.PostgreSql
        ? new NpgsqlConnectionStringBuilder(PostgresServer) { Database = postgresDatabase }.ToString()
        : $"Data Source={DatabasePath}";

    // The test cluster's connection string (its maintenance database); the app creates its own database there.
    private static string PostgresServer => Environment.GetEnvironmentVariable("DIPLOMACY_TEST_POSTGRES") is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException("DIPLOMACY_TEST_PROVIDER=PostgreSQL needs DIPLOMACY_TEST_POSTGRES, the connection string of a server (tests/postgres/cluster.sh start prints one).");

    /// <summary>Settings a test class wants on top of the defaults (e.g. the admin account).</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(directory);
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Diplomacy", ConnectionString);
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("Logging:Directory", LogDirectory);
        builder.UseSetting("Seed:Directory", RepositoryPaths.Data);
        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A fresh context on the test database, for arranging and asserting on rows directly.</summary>
    public DiplomacyDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<DiplomacyDbContext>>().CreateDbContext();

    public virtual Task InitializeAsync()
    {
        // Starting the server runs migrations and the seed, as the first `dotnet run` does.
        _ = Server;
        return Task.CompletedTask;
    }

    public new virtual async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Provider == DatabaseProvider.PostgreSql)
        {
            await DropPostgresDatabaseAsync();
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is cleaned by the OS eventually.
        }
    }

    /// <summary>
    /// The connection string of a database several app instances share, named by <paramref name="databasePath"/>: that
    /// SQLite file, or on PostgreSQL a database whose name is derived from it (created by the first instance to start).
    /// </summary>
    public static string SharedConnectionString(string databasePath) => Provider == DatabaseProvider.PostgreSql
        ? new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "diplomacy_shared_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(databasePath)))[..24] }.ToString()
        : $"Data Source={databasePath}";

    /// <summary>PostgreSQL: drops this app's database, connections and all (what the test cluster's end would do anyway).</summary>
    public async Task DropPostgresDatabaseAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)", connection);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 50)
            {
                // An autovacuum worker is in the database: it is the server's, which FORCE may not end for a role
                // that is not a superuser; it finishes within moments.
                await Task.Delay(100);
            }
        }
    }
}
