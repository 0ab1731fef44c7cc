using DiplomacyTracker.Data;
using DiplomacyTracker.Data.Operations;

namespace DiplomacyTracker.Web.Hosting;

/// <summary>
/// Backups of the live database: on a schedule (<c>Backups:IntervalHours</c>, default 24; 0 turns it off), on demand
/// from the Backups page (editors) or the command line (<see cref="MaintenanceCommands"/>), keeping the newest <c>Backups:Keep</c> (default 14) in
/// <c>Backups:Directory</c> (default: "backups" beside the database). See docs/operations.md.
/// </summary>
internal static class BackupSetup
{
    public static void AddDiplomacyBackups(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(provider =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            return new BackupOptions(configuration["Backups:Directory"] ?? string.Empty, configuration.GetValue("Backups:Keep", 14));
        });
        builder.Services.AddHostedService<BackupSchedule>();
    }
}

/// <summary>Writes a backup every interval, the first one once the newest backup is an interval old.</summary>
internal sealed partial class BackupSchedule(DatabaseBackups backups, IConfiguration configuration, ILogger<BackupSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromHours(configuration.GetValue("Backups:IntervalHours", 24.0));
        if (interval <= TimeSpan.Zero || !backups.IsAvailable)
        {
            return;
        }

        var existing = backups.List();
        var newest = existing.Count > 0 ? existing[0].TakenAt : DateTime.MinValue;
        // Not during start-up: the first scheduled backup waits at least a few minutes.
        var wait = Max(TimeSpan.FromMinutes(5), newest + interval - DateTime.UtcNow);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(wait, stoppingToken);
                await backups.CreateAsync("schedule", stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception exception)
            {
                // A failed backup must be seen, and tried again at the next interval; it never stops the app.
                logger.LogError(exception, "Scheduled backup into {Directory} failed", backups.Directory);
            }

            wait = interval;
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
