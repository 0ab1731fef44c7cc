using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Events.Editing;
using DiplomacyTracker.Data.Participants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiplomacyTracker.Web.Features.Events;

/// <summary>The read-only JSON API: the same filters as the timeline, paged, dates with their precision.</summary>
internal static class EventReadApi
{
    public static void MapEventReadApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Read");

        api.MapGet("/events", SearchEvents)
            .WithName("SearchEvents")
            .WithSummary("Events in chronological order, filtered and paged.")
            .WithDescription("Filters (all optional, combined): year or yearFrom/yearTo, venue (city or country, any of its names in English, Chinese or Russian), participant (slug or any name: English, Chinese, Russian, surname alone), type, topic (slug), q (full text over titles, summaries and statements in any script; OR, \"phrases\", prefix*), xiputin=true (only meetings where Xi Jinping and Vladimir Putin were at the same leg; with venue, a leg there). Paging: page (from 1), pageSize (1–200, default 50).");

        api.MapGet("/events/facets", CountFacets)
            .WithName("CountEventFacets")
            .WithSummary("For each filter, how many events each choice matches given the other filters.")
            .WithDescription("Takes the same filters as /api/events. Each list counts the events a choice of that filter would match with the other filters kept and that filter's own choice left out; total is the count for all the filters, as /api/events reports it. Counting costs no more than a page: a list is null when the other filters match more than 1,000 events (and total may then be a lower bound, totalIsExact false); /api/events/facets/exact counts everything, however long that takes.");

        api.MapGet("/events/facets/exact", CountFacetsExactly)
            .WithName("CountEventFacetsExactly")
            .WithSummary("The facet counts of /api/events/facets, every list counted exactly however many events match (slow on large records).");

        api.MapGet("/events/count", CountEvents)
            .WithName("CountEvents")
            .WithSummary("How many events the filters match, exactly (where /api/events says totalIsExact: false, its total is a lower bound).");

        api.MapGet("/overview", GetOverview)
            .WithName("GetOverview")
            .WithSummary("The filtered events counted per year, host side, country, city, type and participant, with the pairs who met most and the visits with several legs.");

        api.MapGet("/events/{id:int}", GetEvent)
            .WithName("GetEvent")
            .WithSummary("One event with its legs, participants, statements, documents and sources.")
            .WithDescription("Also 'edit': the event in the write API's shape. PUT /api/events/{id} takes this whole response (or just 'edit') back unchanged; PATCH merges a JSON Merge Patch into 'edit'. The ETag header is the version to send as If-Match.");

        api.MapGet("/participants", ListParticipants)
            .WithName("ListParticipants")
            .WithSummary("Everyone who took part in an event or made a statement, with counts.");
    }

    private static async Task<Results<Ok<PagedResult<EventSummary>>, ValidationProblem>> SearchEvents(HttpRequest request, EventQueries queries, CancellationToken cancellationToken)
    {
        var query = EventFilterQuery.Parse(request.Query);
        if (!query.IsValid)
        {
            return TypedResults.ValidationProblem(query.Errors);
        }

        return TypedResults.Ok(await queries.SearchAsync(query.Filter, query.Page, query.PageSize, cancellationToken));
    }

    private static async Task<Results<Ok<EventFacets>, ValidationProblem>> CountFacets(HttpRequest request, EventStatistics statistics, CancellationToken cancellationToken)
    {
        var query = EventFilterQuery.Parse(request.Query);
        return query.IsValid
            ? TypedResults.Ok(await statistics.GetFacetsAsync(query.Filter, cancellationToken))
            : TypedResults.ValidationProblem(query.Errors);
    }

    private static async Task<Results<Ok<EventFacets>, ValidationProblem>> CountFacetsExactly(HttpRequest request, EventStatistics statistics, CancellationToken cancellationToken)
    {
        var query = EventFilterQuery.Parse(request.Query);
        return query.IsValid
            ? TypedResults.Ok(await statistics.GetExactFacetsAsync(query.Filter, cancellationToken))
            : TypedResults.ValidationProblem(query.Errors);
    }

    private static async Task<Results<Ok<EventCount>, ValidationProblem>> CountEvents(HttpRequest request, EventStatistics statistics, CancellationToken cancellationToken)
    {
        var query = EventFilterQuery.Parse(request.Query);
        return query.IsValid
            ? TypedResults.Ok(new EventCount(await statistics.CountExactAsync(query.Filter, cancellationToken)))
            : TypedResults.ValidationProblem(query.Errors);
    }

    /// <summary>The answer of GET /api/events/count.</summary>
    internal sealed record EventCount(int Count);

    private static async Task<Results<Ok<EventOverview>, ValidationProblem>> GetOverview(HttpRequest request, EventStatistics statistics, CancellationToken cancellationToken)
    {
        var query = EventFilterQuery.Parse(request.Query);
        return query.IsValid
            ? TypedResults.Ok(await statistics.GetOverviewAsync(query.Filter, cancellationToken))
            : TypedResults.ValidationProblem(query.Errors);
    }

    private static async Task<Results<Ok<EventDetails>, NotFound>> GetEvent(int id, EventQueries queries, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await queries.GetWithEditAsync(id, cancellationToken) is not { } details)
        {
            return TypedResults.NotFound();
        }

        response.Headers.ETag = $"\"{details.Version}\"";
        return TypedResults.Ok(details);
    }

    private static async Task<Ok<IReadOnlyList<PersonSummary>>> ListParticipants(ParticipantQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.ListAsync(cancellationToken));
}
