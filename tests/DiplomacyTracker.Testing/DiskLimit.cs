using System.Data.Common;
using DiplomacyTracker.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DiplomacyTracker.Testing;

/// <summary>
/// Simulates a full disk: while <see cref="MaxPages"/> is set, every connection the app opens may grow the database
/// file to that many pages at most (SQLite's max_page_count), so a write past it fails with SQLITE_FULL.
/// </summary>
public sealed class DiskLimit : DbConnectionInterceptor
{
    // SQLite's own ceiling: "no limit" for a connection that had one.
    private const long NoLimit = 4294967294;

    public long? MaxPages { get; set; }

    /// <summary>Adds the limit to the app's database contexts.</summary>
    public void AddTo(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.ConfigureDbContext<DiplomacyDbContext>(options => options.AddInterceptors(this)));

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    /// <summary>The database's size in pages now.</summary>
    public static long PageCount(DiplomacyDbContext db) => db.Database.SqlQueryRaw<long>("PRAGMA page_count").AsEnumerable().Single();

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA max_page_count = {MaxPages ?? NoLimit}";
        command.ExecuteNonQuery();
    }
}
