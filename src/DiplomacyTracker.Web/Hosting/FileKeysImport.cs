using System.Xml.Linq;
using DiplomacyTracker.Data;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Web.Hosting;

/// <summary>
/// Before keys were kept in the database they were files in keys/ beside the SQLite file. Copying those into the
/// database on startup keeps the sign-ins and antiforgery tokens they protected valid across the upgrade. Insert-only
/// (a key already in the database is left as it is); the files are left in place, unused from then on.
/// </summary>
internal static class FileKeysImport
{
    public static async Task ImportFileKeysAsync(this WebApplication app)
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<DiplomacyDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(app.Lifetime.ApplicationStopping);
        // Only SQLite deployments ever had key files (beside the database file).
        if (!db.Database.IsSqlite())
        {
            return;
        }

        var database = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (string.IsNullOrEmpty(database) || database == ":memory:")
        {
            return;
        }

        var directory = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(database)) ?? AppPaths.DataDirectory, "keys");
        if (!Directory.Exists(directory))
        {
            return;
        }

        // The file name is the friendly name both repositories give a key ("key-<guid>").
        var files = Directory.GetFiles(directory, "key-*.xml").ToDictionary(f => Path.GetFileNameWithoutExtension(f), StringComparer.Ordinal);
        if (files.Count == 0)
        {
            return;
        }

        var names = files.Keys.ToList();
        var stored = await db.DataProtectionKeys.Where(k => k.FriendlyName != null && names.Contains(k.FriendlyName)).Select(k => k.FriendlyName!).ToListAsync(app.Lifetime.ApplicationStopping);
        var missing = files.Where(f => !stored.Contains(f.Key)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        foreach (var (name, path) in missing)
        {
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = name, Xml = XElement.Load(path).ToString(SaveOptions.DisableFormatting) });
        }

        await db.SaveChangesAsync(app.Lifetime.ApplicationStopping);
        app.Logger.LogInformation("Copied {Count} data-protection key(s) from {Directory} into the database; the folder is no longer used", missing.Count, directory);
    }
}
