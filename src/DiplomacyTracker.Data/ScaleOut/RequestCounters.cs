using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Data.ScaleOut;

/// <summary>
/// Fixed-window request counts shared by every app instance on the database: each call adds one to its window's
/// row with a single <c>UPDATE … SET Count = Count + 1</c> (atomic on any provider), so two instances never count
/// the same request twice or lose one.
/// </summary>
public sealed class RequestCounters(IDbContextFactory<DiplomacyDbContext> contextFactory, TimeProvider clock)
{
    /// <summary>Counts one request for <paramref name="what"/> from <paramref name="client"/> and answers how many
    /// there have been in the current <paramref name="window"/>, this one included.</summary>
    public async Task<int> CountAsync(string what, string client, TimeSpan window, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var windowStart = new DateTime(now.Ticks - (now.Ticks % window.Ticks), DateTimeKind.Utc);
        var key = $"{what}|{client}|{windowStart.Ticks}";
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await IncrementAsync(db, key, cancellationToken) == 0)
        {
            // The window's first request: its row. Another instance may insert the same row at the same moment;
            // then that insert fails here on the key and this request counts into the row it made.
            db.RequestCounters.Add(new RequestCounter { Key = key, Count = 1, ExpiresAt = windowStart + window });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                await IncrementAsync(db, key, cancellationToken);
            }

            // Once per window and client is often enough to keep the table to the windows still running.
            await db.RequestCounters.Where(c => c.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        }

        // Read after the increment: at least this request's own place in the window, so the limit is never passed.
        return await db.RequestCounters.AsNoTracking().Where(c => c.Key == key).Select(c => c.Count).SingleAsync(cancellationToken);
    }

    private static Task<int> IncrementAsync(DiplomacyDbContext db, string key, CancellationToken cancellationToken) =>
        db.RequestCounters.Where(c => c.Key == key).ExecuteUpdateAsync(set => set.SetProperty(c => c.Count, c => c.Count + 1), cancellationToken);
}
