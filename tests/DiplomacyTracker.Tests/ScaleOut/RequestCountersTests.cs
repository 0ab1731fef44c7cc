using DiplomacyTracker.Data;
using DiplomacyTracker.Data.ScaleOut;
using DiplomacyTracker.Tests.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DiplomacyTracker.Tests.ScaleOut;

/// <summary>The shared fixed-window counts behind the sign-in rate limit.</summary>
public sealed class RequestCountersTests(EditingApp app) : IClassFixture<EditingApp>
{
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private RequestCounters Counters(TimeProvider clock) => new(app.Services.GetRequiredService<IDbContextFactory<DiplomacyDbContext>>(), clock);

    [Fact]
    public async Task Each_client_counts_in_its_own_window_and_finished_windows_are_swept_away()
    {
        var clock = new Clock(new DateTimeOffset(2030, 1, 1, 10, 0, 30, TimeSpan.Zero));
        var counters = Counters(clock);
        var minute = TimeSpan.FromMinutes(1);

        Assert.Equal(1, await counters.CountAsync("test-window", "203.0.113.7", minute));
        Assert.Equal(2, await counters.CountAsync("test-window", "203.0.113.7", minute));
        Assert.Equal(1, await counters.CountAsync("test-window", "198.51.100.1", minute));
        Assert.Equal(3, await counters.CountAsync("test-window", "203.0.113.7", minute));

        // The next minute starts again from one, and the last minute's rows are gone.
        clock.Now = clock.Now.AddSeconds(35);
        Assert.Equal(1, await counters.CountAsync("test-window", "203.0.113.7", minute));
        await using var db = app.CreateDbContext();
        Assert.Equal([1], await db.RequestCounters.Where(c => c.Key.StartsWith("test-window|")).Select(c => c.Count).ToListAsync());
    }

    [Fact]
    public async Task Requests_counted_at_the_same_moment_are_all_counted()
    {
        var counters = Counters(new Clock(new DateTimeOffset(2030, 1, 1, 11, 0, 0, TimeSpan.Zero)));

        // As many requests at once as several instances would see; the first ones race to create the window's row.
        var counts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => counters.CountAsync("test-race", "203.0.113.9", TimeSpan.FromMinutes(1)))));

        Assert.Equal(20, counts.Max());
        await using var db = app.CreateDbContext();
        Assert.Equal(20, await db.RequestCounters.Where(c => c.Key.StartsWith("test-race|")).Select(c => c.Count).SingleAsync());
    }
}
