using DiplomacyTracker.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DiplomacyTracker.Testing;

/// <summary>
/// The whole app in memory (TestServer) on its own temporary SQLite file, migrated and seeded as on a first start.
/// One per test class (IClassFixture), so classes never share a database.
/// </summary>
public class DiplomacyAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "diplomacy-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(directory, "diplomacy.db");

    public string LogDirectory => Path.Combine(directory, "logs");

    public string ConnectionString => $"Data Source={DatabasePath}";

    /// <summary>Settings a test class wants on top of the defaults (e.g. the admin account).</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(directory);
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Diplomacy", ConnectionString);
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
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is cleaned by the OS eventually.
        }
    }
}
