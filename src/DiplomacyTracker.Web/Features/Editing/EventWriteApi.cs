using System.Text.Json;
using System.Text.Json.Serialization;
using DiplomacyTracker.Data.Events.Editing;
using DiplomacyTracker.Web.Hosting;
using Microsoft.Net.Http.Headers;

namespace DiplomacyTracker.Web.Features.Editing;

/// <summary>
/// Write API for automation: POST /api/events, PUT /api/events/{id} (If-Match: the version), DELETE /api/events/{id},
/// POST /api/events/{id}/restore. Editors only (cookie or X-Api-Key); the same validation as the form; bad input
/// answers RFC 7807 problem details keyed by the same field paths.
/// </summary>
internal static class EventWriteApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static void MapEventWriteApi(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/api/events")
            .RequireAuthorization(EditingSetup.ApiEditorPolicy)
            .DisableAntiforgery()
            .RequireNonFormRequestForCookies()
            .WithTags("Editing");
        events.MapPost("/", CreateAsync)
            .Accepts<EventDraft>("application/json")
            .Produces<SavedEvent>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Add an event (editors or API key)");
        events.MapPut("/{id:int}", UpdateAsync)
            .Accepts<EventDraft>("application/json")
            .Produces<SavedEvent>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithSummary("Replace an event; If-Match must carry the version you edited");
        events.MapDelete("/{id:int}", DeleteAsync)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Soft-delete an event (undo with restore)");
        events.MapPost("/{id:int}/restore", RestoreAsync)
            .Produces<SavedEvent>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Restore a deleted event");
    }

    private static async Task<IResult> CreateAsync(HttpContext context, EventCommands commands)
    {
        var (draft, problem) = await ReadDraftAsync(context);
        if (problem is not null)
        {
            return problem;
        }

        var result = await commands.CreateAsync(draft!, UserName(context), context.RequestAborted);
        return result.Status == EventCommandStatus.Saved
            ? Results.Created($"/api/events/{result.EventId}", new SavedEvent(result.EventId!.Value, result.Version!.Value))
            : ToProblem(result);
    }

    private static async Task<IResult> UpdateAsync(int id, HttpContext context, EventCommands commands)
    {
        var ifMatch = context.Request.Headers[HeaderNames.IfMatch].ToString().Trim().Trim('"');
        if (!Guid.TryParse(ifMatch, out var version))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status428PreconditionRequired,
                title: "The event's version is required",
                detail: "Send the version you edited as the If-Match header (\"version\" of GET /api/events/{id}), so a concurrent change is not overwritten.");
        }

        var (draft, problem) = await ReadDraftAsync(context);
        if (problem is not null)
        {
            return problem;
        }

        var result = await commands.UpdateAsync(id, draft!, version, UserName(context), context.RequestAborted);
        return result.Status == EventCommandStatus.Saved
            ? Results.Ok(new SavedEvent(id, result.Version!.Value))
            : ToProblem(result);
    }

    private static async Task<IResult> DeleteAsync(int id, HttpContext context, EventCommands commands)
    {
        var result = await commands.SoftDeleteAsync(id, UserName(context), context.RequestAborted);
        return result.Status == EventCommandStatus.Saved ? Results.NoContent() : ToProblem(result);
    }

    private static async Task<IResult> RestoreAsync(int id, HttpContext context, EventCommands commands)
    {
        var result = await commands.RestoreAsync(id, UserName(context), context.RequestAborted);
        return result.Status == EventCommandStatus.Saved ? Results.Ok(new SavedEvent(id, result.Version!.Value)) : ToProblem(result);
    }

    private static async Task<(EventDraft? Draft, IResult? Problem)> ReadDraftAsync(HttpContext context)
    {
        if (!context.Request.HasJsonContentType())
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the event as application/json"));
        }

        try
        {
            var draft = await context.Request.ReadFromJsonAsync<EventDraft>(Json, context.RequestAborted);
            return draft is null
                ? (null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request body is empty"))
                : (draft, null);
        }
        catch (JsonException exception)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request body is not a valid event", detail: exception.Message));
        }
    }

    private static string UserName(HttpContext context) => context.User.Identity?.Name ?? "(unknown)";

    private static IResult ToProblem(EventCommandResult result) => result.Status switch
    {
        EventCommandStatus.Invalid => Results.ValidationProblem(result.Errors!, title: "The event has invalid fields"),
        EventCommandStatus.LikelyDuplicates => Results.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "This looks like an event that already exists",
            detail: "Send \"ignoreDuplicates\": true to save it anyway.",
            extensions: new Dictionary<string, object?> { ["duplicates"] = result.Duplicates }),
        EventCommandStatus.Conflict => Results.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Someone else changed this event",
            detail: "Your changes were not saved. 'changes' lists where the saved event differs from what you sent (before = yours, after = saved).",
            extensions: new Dictionary<string, object?> { ["currentVersion"] = result.Version, ["changes"] = result.Changes }),
        EventCommandStatus.NotFound => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No event {result.EventId}"),
        EventCommandStatus.Forbidden => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Editors only"),
        _ => Results.Problem(statusCode: StatusCodes.Status500InternalServerError),
    };

    internal sealed record SavedEvent(int Id, Guid Version);
}
