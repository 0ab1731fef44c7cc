using System.Diagnostics;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Places;
using DiplomacyTracker.Web.Features.Events;
using DiplomacyTracker.Web.Features.Timeline;

namespace DiplomacyTracker.Web.Hosting;

/// <summary>
/// Reads what the unfiltered timeline shows (its first page and cards, the filter panel's choices and counts, the
/// names behind search) while the server finishes starting, on the machine's other core: EF Core compiles each query
/// once per process and the read cache keeps the answers, so the first reader after a start does not pay for either
/// (docs/performance.md, cold start). Index reads and kept counts only (StartupQueryPlanTests); a failure is logged and
/// changes nothing, the first request then reads for itself. A hosted service, so the host waits for it when it stops.
/// Startup:WarmUp = false turns it off.
/// </summary>
public sealed class FirstPageWarmUp(
    EventQueries events,
    EventStatistics statistics,
    NameIndex names,
    EventMarkup markup,
    IConfiguration configuration,
    ILogger<FirstPageWarmUp> logger) : BackgroundService
{
    /// <summary>Finishes when the reads are done (or failed, or the app stopped).</summary>
    public Task Completion => ExecuteTask ?? Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Startup:WarmUp", true))
        {
            return;
        }

        // The host starts the server once this yields.
        await Task.Yield();
        var elapsed = Stopwatch.StartNew();
        try
        {
            var timeline = EventFilterQuery.Parse([]);
            var page = await events.SearchAsync(timeline.Filter, timeline.Page, timeline.PageSize, stoppingToken);
            await markup.PrepareAsync(page.Items);
            await statistics.GetFacetsAsync(timeline.Filter, stoppingToken);
            await events.GetFilterChoicesAsync(stoppingToken);
            await names.GetAsync(stoppingToken);
            logger.LogInformation("Read the first timeline page ahead of the first request in {Elapsed:0} ms", elapsed.Elapsed.TotalMilliseconds);
        }
        catch (Exception exception) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogDebug(exception, "The app stopped before the first timeline page was read ahead");
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Reading the first timeline page ahead of the first request failed; the first request reads it itself");
        }
    }
}
