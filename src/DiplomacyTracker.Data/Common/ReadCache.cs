using DiplomacyTracker.Data.ScaleOut;
using Microsoft.Extensions.Caching.Memory;

namespace DiplomacyTracker.Data.Common;

/// <summary>
/// Answers read from the record, kept in memory until the next write: each answer is filed under the
/// <see cref="RecordGeneration"/> it was read in, so any write (through this instance or another on the same
/// database) makes every older answer unreachable and the next read goes to the database. Readers get the same answer whoever they are (nothing here depends on who asks),
/// so the timeline, the event pages and the read API share it. The answers are immutable records; callers must not
/// change the lists inside them.
/// </summary>
public sealed class ReadCache(RecordGeneration generation, DiplomacyDataOptions options) : IDisposable
{
    // Entries count one each: most answers are a page of 50 timeline lines or one event (tens of KB at most), so
    // 5,000 of them stay well under a few hundred MB even when all are full pages.
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 5_000 });

    /// <summary>The answer for <paramref name="key"/> in this generation, read with <paramref name="read"/> when there is none yet.</summary>
    /// <param name="kind">What is asked ("events", "event", ...), so equal keys of different questions don't meet.</param>
    public async Task<T> GetOrReadAsync<TKey, T>(string kind, TKey key, Func<Task<T>> read)
        where TKey : notnull
    {
        if (!options.CacheReads)
        {
            return await read();
        }

        // The generation is read before reading: a write during the read leaves the answer under the old generation.
        var entry = (kind, await generation.CurrentAsync(), key);
        if (cache.TryGetValue(entry, out T? cached) && cached is not null)
        {
            return cached;
        }

        var answer = await read();
        if (answer is not null)
        {
            cache.Set(entry, answer, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
        }

        return answer;
    }

    public void Dispose() => cache.Dispose();
}
