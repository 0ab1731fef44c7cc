using DiplomacyTracker.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Data.ScaleOut;

/// <summary>
/// The write generation as every app instance on the database sees it: this process's own <see cref="RecordChanges"/>
/// (advanced after each local commit), moved on as well whenever the shared <see cref="RecordStamp"/> differs from the
/// one last seen, i.e. another instance (or a writer outside the app) changed the record. Asked before every cached
/// read, so an edit through one instance is on the other's very next read; the check is one primary-key lookup.
/// </summary>
public sealed class RecordGeneration(IDbContextFactory<DiplomacyDbContext> contextFactory, RecordChanges changes)
{
    // Compiled for this instance's database: a compiled query serves one model, and a process may hold two (copy-database).
    private readonly Func<DiplomacyDbContext, Task<Guid>> readStamp = EF.CompileAsyncQuery(
        (DiplomacyDbContext db) => db.RecordStamps.Where(s => s.Id == RecordStamp.TheRow).Select(s => s.Stamp).FirstOrDefault());

    private readonly Lock gate = new();
    private Guid lastStamp;

    public async Task<long> CurrentAsync()
    {
        Guid stamp;
        await using (var db = await contextFactory.CreateDbContextAsync())
        {
            stamp = await readStamp(db);
        }

        lock (gate)
        {
            if (stamp != lastStamp)
            {
                lastStamp = stamp;
                changes.Advance();
            }

            return changes.Generation;
        }
    }
}
