using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DiplomacyTracker.Data.Events.Editing;
using DiplomacyTracker.Web.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace DiplomacyTracker.Web.Features.Editing;

/// <summary>
/// Write API for automation: POST /api/events, PUT /api/events/{id} (If-Match: the version), PATCH /api/events/{id}
/// (a JSON Merge Patch of the draft, If-Match required), DELETE /api/events/{id}, POST /api/events/{id}/restore. Editors only (cookie or X-Api-Key); the same validation as the form; bad input
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
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status507InsufficientStorage)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Add an event (editors or API key)");
        events.MapPut("/{id:int}", UpdateAsync)
            .Accepts<EventDraft>("application/json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Replace an event; If-Match must carry the version you edited");
        // No Accepts metadata: routing would answer another content type with a bare 415; the handler explains it.
        events.MapPatch("/{id:int}", PatchAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithSummary("Change only the fields sent (JSON Merge Patch of GET's 'edit'); If-Match must carry the version you read");
        events.MapDelete("/{id:int}", DeleteAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Soft-delete an event (undo with restore)");
        events.MapPost("/{id:int}/restore", RestoreAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Restore a deleted event");
    }

    private static async Task<Results<Created<SavedEvent>, ValidationProblem, ProblemHttpResult>> CreateAsync(HttpContext context, EventCommands commands)
    {
        var (draft, problem) = await ReadDraftAsync(context);
        if (problem is not null)
        {
            return problem;
        }

        return await commands.CreateAsync(draft!, UserName(context), context.RequestAborted) switch
        {
            EventCommandResult.Saved saved => TypedResults.Created($"/api/events/{saved.EventId}", new SavedEvent(saved.EventId, saved.Version)),
            EventCommandResult.Invalid invalid => Invalid(invalid),
            var refused => Problem(refused),
        };
    }

    private static async Task<Results<Ok<SavedEvent>, ValidationProblem, ProblemHttpResult>> UpdateAsync(int id, HttpContext context, EventCommands commands)
    {
        if (IfMatch(context) is not { } version)
        {
            return VersionRequired();
        }

        var (draft, problem) = await ReadDraftAsync(context);
        if (problem is not null)
        {
            return problem;
        }

        return Updated(context, await commands.UpdateAsync(id, draft!, version, UserName(context), context.RequestAborted));
    }

    public const string MergePatchType = "application/merge-patch+json";

    /// <summary>
    /// PATCH: the saved event's draft (GET's "edit") with the patch merged in (RFC 7396), then the same update as PUT:
    /// same rules, same outcomes. Fields not sent stay as they are; a patch made against an older version is refused.
    /// </summary>
    private static async Task<Results<Ok<SavedEvent>, ValidationProblem, ProblemHttpResult>> PatchAsync(int id, HttpContext context, EventCommands commands)
    {
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type) || !type.MediaType.Equals(MergePatchType, StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: $"Send the changes as {MergePatchType} (RFC 7396)");
        }

        if (IfMatch(context) is not { } version)
        {
            return VersionRequired();
        }

        var (patch, problem) = await ReadJsonAsync(context);
        if (problem is not null)
        {
            return problem;
        }

        if (patch is not JsonObject members)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "A merge patch of an event is a JSON object", detail: "Send the fields to change, e.g. {\"title\": \"New title\"}; null removes a field.");
        }

        if (await commands.GetForEditAsync(id, context.RequestAborted) is not { } current)
        {
            return Problem(new EventCommandResult.NotFound(id));
        }

        if (current.Version != version)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status412PreconditionFailed,
                title: "The event changed since you read it",
                detail: "Nothing was changed. Read the event again (GET /api/events/{id}) and make the patch against its current version.",
                extensions: new Dictionary<string, object?> { ["currentVersion"] = current.Version });
        }

        var merged = JsonMergePatch.Apply(JsonSerializer.SerializeToNode(current.Draft, Json), EditPart(members));
        EventDraft? draft;
        try
        {
            draft = merged.Deserialize<EventDraft>(Json);
        }
        catch (JsonException exception)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The patch does not make a valid event", detail: exception.Message);
        }

        return draft is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The patch does not make a valid event")
            : Updated(context, await commands.UpdateAsync(id, draft, version, UserName(context), context.RequestAborted));
    }

    private static Results<Ok<SavedEvent>, ValidationProblem, ProblemHttpResult> Updated(HttpContext context, EventCommandResult result)
    {
        switch (result)
        {
            case EventCommandResult.Saved saved:
                context.Response.Headers.ETag = $"\"{saved.Version}\"";
                return TypedResults.Ok(new SavedEvent(saved.EventId, saved.Version));
            case EventCommandResult.Invalid invalid:
                return Invalid(invalid);
            default:
                return Problem(result);
        }
    }

    private static Guid? IfMatch(HttpContext context) =>
        Guid.TryParse(context.Request.Headers[HeaderNames.IfMatch].ToString().Trim().Trim('"'), out var version) ? version : null;

    private static ProblemHttpResult VersionRequired() => TypedResults.Problem(
        statusCode: StatusCodes.Status428PreconditionRequired,
        title: "The event's version is required",
        detail: "Send the version you edited as the If-Match header (the ETag, or \"version\", of GET /api/events/{id}), so a concurrent change is not overwritten.");

    /// <summary>
    /// The draft in a body: the draft itself, or GET /api/events/{id}'s whole response, whose "edit" is the draft
    /// (the rest is read-only and ignored), so what GET returns can be sent back unchanged. The save flags count at
    /// either level.
    /// </summary>
    private static JsonObject EditPart(JsonObject body)
    {
        if (body["edit"] is not JsonObject edit)
        {
            return body;
        }

        var draft = (JsonObject)edit.DeepClone();
        foreach (var flag in new[] { "ignoreDuplicates", "confirmWarnings" })
        {
            if (body.FirstOrDefault(m => string.Equals(m.Key, flag, StringComparison.OrdinalIgnoreCase)).Value is { } value)
            {
                draft[flag] = value.DeepClone();
            }
        }

        return draft;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(int id, HttpContext context, EventCommands commands) =>
        await commands.SoftDeleteAsync(id, UserName(context), context.RequestAborted) switch
        {
            EventCommandResult.Saved => TypedResults.NoContent(),
            var refused => Problem(refused),
        };

    private static async Task<Results<Ok<SavedEvent>, ProblemHttpResult>> RestoreAsync(int id, HttpContext context, EventCommands commands) =>
        await commands.RestoreAsync(id, UserName(context), context.RequestAborted) switch
        {
            EventCommandResult.Saved saved => TypedResults.Ok(new SavedEvent(saved.EventId, saved.Version)),
            var refused => Problem(refused),
        };

    /// <summary>The largest event body taken: several full articles pasted as source text fit; bigger is refused (413).</summary>
    public const long MaxBodyBytes = 4 * 1024 * 1024;

    private static async Task<(EventDraft? Draft, ProblemHttpResult? Problem)> ReadDraftAsync(HttpContext context)
    {
        if (!context.Request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the event as application/json"));
        }

        var (body, problem) = await ReadJsonAsync(context);
        if (problem is not null)
        {
            return (null, problem);
        }

        try
        {
            var draft = body is JsonObject members ? EditPart(members).Deserialize<EventDraft>(Json) : body.Deserialize<EventDraft>(Json);
            return draft is null
                ? (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request body is empty"))
                : (draft, null);
        }
        catch (JsonException exception)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request body is not a valid event", detail: exception.Message));
        }
    }

    private static async Task<(JsonNode? Body, ProblemHttpResult? Problem)> ReadJsonAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        try
        {
            // Read as the declared charset, like any JSON body; a JSON null reads as null.
            var body = await context.Request.ReadFromJsonAsync<JsonNode>(Json, context.RequestAborted);
            return body is null
                ? (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request body is empty"))
                : (body, null);
        }
        catch (JsonException exception)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request body is not valid JSON", detail: exception.Message));
        }
        catch (BadHttpRequestException exception)
        {
            // Over the size limit (413), a broken chunked encoding or a body shorter than its Content-Length (400).
            return (null, TypedResults.Problem(
                statusCode: exception.StatusCode,
                title: exception.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? $"The request body is larger than {MaxBodyBytes / (1024 * 1024)} MB"
                    : "The request body could not be read",
                detail: exception.Message));
        }
        catch (InvalidOperationException exception)
        {
            // The JSON reader could not decode the declared charset.
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the event as application/json in UTF-8", detail: exception.Message));
        }
    }

    private static string UserName(HttpContext context) => context.User.Identity?.Name ?? "(unknown)";

    private static ValidationProblem Invalid(EventCommandResult.Invalid invalid) =>
        TypedResults.ValidationProblem(invalid.Errors, title: "The event has invalid fields");

    /// <summary>The one mapping from a refused write to its problem details.</summary>
    private static ProblemHttpResult Problem(EventCommandResult refused) => refused switch
    {
        EventCommandResult.NeedsConfirmation confirm => TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "The event needs confirming",
            detail: "Nothing was saved. 'warnings' lists what looks like a mistake; correct it, or send \"confirmWarnings\": true to save it as it is.",
            extensions: new Dictionary<string, object?> { ["warnings"] = confirm.Warnings, ["confirmWith"] = "confirmWarnings" }),
        EventCommandResult.LikelyDuplicates duplicates => TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "This looks like an event that already exists",
            detail: "Send \"ignoreDuplicates\": true to save it anyway.",
            extensions: new Dictionary<string, object?> { ["duplicates"] = duplicates.Candidates }),
        EventCommandResult.Conflict conflict => TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Someone else changed this event",
            detail: "Your changes were not saved. 'changes' lists where the saved event differs from what you sent (before = yours, after = saved).",
            extensions: new Dictionary<string, object?> { ["currentVersion"] = conflict.Current.Version, ["changes"] = conflict.Changes }),
        EventCommandResult.NotFound notFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No event {notFound.EventId}"),
        EventCommandResult.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Editors only"),
        EventCommandResult.StorageFailed { DiskFull: true } => TypedResults.Problem(
            statusCode: StatusCodes.Status507InsufficientStorage,
            title: "The server's disk is full",
            detail: "Nothing was saved. Send the same request again once an administrator has freed space."),
        EventCommandResult.StorageFailed => TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "The database could not be written",
            detail: "Nothing was saved (a storage error on the server). Try again in a moment."),
        EventCommandResult.Invalid invalid => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The event has invalid fields", extensions: new Dictionary<string, object?> { ["errors"] = invalid.Errors }),
        _ => throw new UnreachableException($"A write that was not refused reached the problem mapping: {refused}"),
    };

    internal sealed record SavedEvent(int Id, Guid Version);
}
