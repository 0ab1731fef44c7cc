using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace DiplomacyTracker.Data.Seeding;

/// <summary>Brings the database to the latest migration, switches it to WAL, and seeds it from data/.</summary>
public sealed class DatabaseInitializer(IDbContextFactory<DiplomacyDbContext> contextFactory, DiplomacyDataOptions options, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // Log where the database is, never the connection string (it could carry a password).
        var dataSource = DataSourceOf(db);
        if (db.Database.IsSqlite())
        {
            EnsureDirectoryExists(dataSource);
        }
        else
        {
            // Asked first, as expected answers: otherwise reading the pending migrations of a database the server
            // does not have yet, or of one without its history table, logs an error on every first start for nothing
            // that is wrong.
            var server = db.GetService<IRelationalDatabaseCreator>();
            if (!await server.ExistsAsync(cancellationToken))
            {
                logger.LogInformation("Creating the database {DataSource}", dataSource);
                await server.CreateAsync(cancellationToken);
            }

            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s) to {DataSource}: {Migrations}", pending.Count, dataSource, pending);
            // A migration that rebuilds a derived table takes as long as the record is large (minutes at a million
            // events); the 30-second default for a query would leave it half-tried at every start.
            db.Database.SetCommandTimeout(0); // no limit
            await db.Database.MigrateAsync(cancellationToken);
        }

        // WAL lets readers (every circuit) proceed while an editor writes; the mode is stored in the file.
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var seeder = new Seeder(db, logger);
        var seed = SeedFile.Load(options.SeedDirectory);
        await seeder.SeedAsync(seed, cancellationToken);
    }

    /// <summary>Where the database is, for logs and messages: a file path, or host/database (never a password).</summary>
    public static string DataSourceOf(DiplomacyDbContext db)
    {
        var connectionString = db.Database.GetConnectionString() ?? string.Empty;
        if (db.Database.IsSqlite())
        {
            return new SqliteConnectionStringBuilder(connectionString).DataSource;
        }

        var postgres = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return $"{postgres.Host}:{postgres.Port}/{postgres.Database}";
    }

    private static void EnsureDirectoryExists(string dataSource)
    {
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
