using System.Globalization;
using System.Text;
using System.Text.Json;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Web.Features.Events;
using DiplomacyTracker.Web.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DiplomacyTracker.Web.Features.Exports;

/// <summary>
/// Downloads of exactly what the timeline shows: the timeline's filters (same query names, same validation as
/// GET /api/events), every matching event rather than one page, streamed as it is read.
/// </summary>
internal static class ExportEndpoints
{
    public const string EventsCsvPath = "/api/exports/events.csv";
    public const string LegsCsvPath = "/api/exports/legs.csv";
    public const string EventsJsonPath = "/api/exports/events.json";
    public const string CalendarPath = "/api/exports/events.ics";

    private const string FiltersDescription = "Filters as for GET /api/events (year or yearFrom/yearTo, venue, participant, type, topic, q, xiputin); paging parameters are ignored: every matching event is exported.";

    public static void MapExports(this IEndpointRouteBuilder endpoints)
    {
        var exports = endpoints.MapGroup("/api/exports").WithTags("Exports");

        exports.MapGet("/events.csv", EventsCsv)
            .WithName("ExportEventsCsv")
            .WithSummary("Matching events as CSV (UTF-8 with BOM), one row per event.")
            .WithDescription(FiltersDescription);

        exports.MapGet("/legs.csv", LegsCsv)
            .WithName("ExportLegsCsv")
            .WithSummary("Matching events as CSV (UTF-8 with BOM), one row per leg.")
            .WithDescription(FiltersDescription);

        exports.MapGet("/events.json", EventsJson)
            .WithName("ExportEventsJson")
            .WithSummary("Every matching event as one JSON array of the items GET /api/events returns.")
            .WithDescription(FiltersDescription);

        exports.MapGet("/events.ics", EventsCalendar)
            .WithName("ExportEventsCalendar")
            .WithSummary("Matching events as an iCalendar feed of all-day events; subscribe to the same address to follow the filter.")
            .WithDescription(FiltersDescription + " Events with no known date are left out (the calendar's description says how many).");
    }

    private static Results<PushStreamHttpResult, ValidationProblem> EventsCsv(HttpContext context, EventExports exports, ILogger<EventExports> logger) =>
        Export(context, "events", "csv", "text/csv; charset=utf-8", logger, (query, body, ct) =>
            EventCsv.WriteEventsAsync(body, exports.StreamAsync(query.Filter, ct), EventUrls(context.Request), ct));

    private static Results<PushStreamHttpResult, ValidationProblem> LegsCsv(HttpContext context, EventExports exports, ILogger<EventExports> logger) =>
        Export(context, "legs", "csv", "text/csv; charset=utf-8", logger, (query, body, ct) =>
            EventCsv.WriteLegsAsync(body, exports.StreamAsync(query.Filter, ct), EventUrls(context.Request), ct));

    private static Results<PushStreamHttpResult, ValidationProblem> EventsJson(HttpContext context, EventExports exports, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, ILogger<EventExports> logger) =>
        Export(context, "events", "json", "application/json; charset=utf-8", logger, (query, body, ct) =>
            JsonSerializer.SerializeAsync(body, exports.StreamAsync(query.Filter, ct).Select(item => item.Event), json.Value.SerializerOptions, ct));

    private static Results<PushStreamHttpResult, ValidationProblem> EventsCalendar(HttpContext context, EventExports exports, ILogger<EventExports> logger) =>
        Export(context, "events", "ics", "text/calendar; charset=utf-8", logger, async (query, body, ct) =>
        {
            var undated = await exports.CountUndatedAsync(query.Filter, ct);
            await EventCalendar.WriteAsync(body, exports.StreamAsync(query.Filter, ct), CalendarName(query.Filter), undated, EventUrls(context.Request), ct);
        });

    private static Results<PushStreamHttpResult, ValidationProblem> Export(
        HttpContext context, string what, string extension, string contentType, ILogger logger, Func<EventFilterQuery, Stream, CancellationToken, Task> write)
    {
        var query = EventFilterQuery.Parse(context.Request.Query);
        if (!query.IsValid)
        {
            return TypedResults.ValidationProblem(query.Errors);
        }

        var fileName = FileName(what, query.Filter, extension);
        return TypedResults.Stream(
            async body =>
            {
                var cancellationToken = context.RequestAborted;
                try
                {
                    await write(query, body, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    logger.LogInformation("Export {FileName} stopped: the client went away", fileName);
                }
                catch (Exception exception)
                {
                    // The status line has gone out with the first rows: all that is left is to log and cut the
                    // response short, so the client sees an incomplete download rather than a file that looks whole.
                    logger.LogError(exception, "Export {FileName} failed for filter {Filter}", fileName, query.Filter);
                    context.Abort();
                }
            },
            contentType,
            fileName);
    }

    private static Func<int, string> EventUrls(HttpRequest request)
    {
        var root = string.Create(CultureInfo.InvariantCulture, $"{request.Scheme}://{request.Host}{request.PathBase}/events/");
        return id => root + id.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>"diplomacy-events-2024.csv", "diplomacy-legs-2019-2022-beijing.csv": what was exported, readable in a downloads folder.</summary>
    internal static string FileName(string what, EventFilter filter, string extension)
    {
        var name = new StringBuilder("diplomacy-").Append(what);
        foreach (var part in FilterParts(filter, forFileName: true))
        {
            var slug = Slug(part);
            if (slug.Length > 0)
            {
                name.Append('-').Append(slug);
            }
        }

        return name.Append('.').Append(extension).ToString();
    }

    internal static string CalendarName(EventFilter filter)
    {
        var parts = FilterParts(filter, forFileName: false).ToList();
        return parts.Count == 0 ? "Sino-Russian diplomacy (DiplomacyTracker)" : $"Sino-Russian diplomacy: {string.Join(", ", parts)} (DiplomacyTracker)";
    }

    private static IEnumerable<string> FilterParts(EventFilter filter, bool forFileName)
    {
        var dash = forFileName ? "-" : "–";
        if (filter.YearFrom is { } from && filter.YearTo is { } to)
        {
            yield return from == to ? from.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{from}{dash}{to}");
        }
        else if (filter.YearFrom is { } onlyFrom)
        {
            yield return (forFileName ? "from-" : "from ") + onlyFrom.ToString(CultureInfo.InvariantCulture);
        }
        else if (filter.YearTo is { } onlyTo)
        {
            yield return (forFileName ? "until-" : "until ") + onlyTo.ToString(CultureInfo.InvariantCulture);
        }

        if (!string.IsNullOrWhiteSpace(filter.Venue))
        {
            yield return filter.Venue;
        }

        if (!string.IsNullOrWhiteSpace(filter.Participant))
        {
            yield return filter.Participant;
        }

        if (filter.Type is { } type)
        {
            yield return DisplayText.For(type);
        }

        if (!string.IsNullOrWhiteSpace(filter.Topic))
        {
            yield return filter.Topic;
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            yield return forFileName ? "search" : $"“{filter.Text}”";
        }

        if (filter.XiPutinOnly)
        {
            yield return forFileName ? "xi-putin" : "Xi–Putin meetings";
        }
    }

    // ASCII letters and digits only, so the name is safe in any file system and header; other scripts drop out.
    private static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().Trim('-');
    }
}
