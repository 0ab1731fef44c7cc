using System.Diagnostics;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Places;
using DiplomacyTracker.Web.Features.Events;
using DiplomacyTracker.Web.Features.Timeline;

namespace DiplomacyTracker.Web.Hosting;

/// <summary>
/// Reads what the unfiltered timeline shows (its first page and cards, the filter panel's choices and counts, the
/// names behind search) on a background thread while the rest of start-up runs, on the machine's other core: EF Core
/// compiles each query once per process and the read cache keeps the answers, so the first reader after a start does
/// not pay for either (docs/performance.md, cold start). Index reads and kept counts only (StartupQueryPlanTests); a
/// failure is logged and changes nothing, the first request then reads for itself. Startup:WarmUp = false turns it off.
/// </summary>
public sealed class FirstPageWarmUp(
    EventQueries events,
    EventStatistics statistics,
    NameIndex names,
    EventMarkup markup,
    IHostApplicationLifetime lifetime,
    ILogger<FirstPageWarmUp> logger)
{
    /// <summary>Finishes when the reads are done (or failed, or the app stopped); complete before <see cref="Start"/>.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    public void Start() => Completion = Task.Run(ReadAsync);

    private async Task ReadAsync()
    {
        var stopping = lifetime.ApplicationStopping;
        var elapsed = Stopwatch.StartNew();
        try
        {
            var timeline = EventFilterQuery.Parse([]);
            var page = await events.SearchAsync(timeline.Filter, timeline.Page, timeline.PageSize, stopping);
            await markup.PrepareAsync(page.Items);
            await statistics.GetFacetsAsync(timeline.Filter, stopping);
            await events.GetFilterChoicesAsync(stopping);
            await names.GetAsync(stopping);
            logger.LogInformation("Read the first timeline page ahead of the first request in {Elapsed:0} ms", elapsed.Elapsed.TotalMilliseconds);
        }
        catch (Exception) when (stopping.IsCancellationRequested)
        {
            // Stopped before it finished: nothing to keep.
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Reading the first timeline page ahead of the first request failed; the first request reads it itself");
        }
    }
}

public static class FirstPageWarmUpSetup
{
    public static void StartFirstPageWarmUp(this WebApplication app)
    {
        if (app.Configuration.GetValue("Startup:WarmUp", true))
        {
            app.Services.GetRequiredService<FirstPageWarmUp>().Start();
        }
    }
}
