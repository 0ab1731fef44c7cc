using DiplomacyTracker.Data.Events.Importing;
using DiplomacyTracker.Web.Features.Editing;
using DiplomacyTracker.Web.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiplomacyTracker.Web.Features.Importing;

/// <summary>
/// Bulk import API: POST /api/imports/dry-run, POST /api/imports, GET /api/imports[/{id}], POST /api/imports/{id}/undo.
/// Editors only, with the write API's authentication (cookie or X-Api-Key) and its CSRF guard. The file is the body
/// (Content-Type text/csv or application/json, name in ?fileName=) or a multipart upload.
/// </summary>
internal static class ImportApi
{
    /// <summary>The largest file taken (a 10,000-row CSV is about 3 MB); bigger is refused with 413.</summary>
    public const long MaxFileBytes = 16 * 1024 * 1024;

    public static void MapImportApi(this IEndpointRouteBuilder app)
    {
        var imports = app.MapGroup("/api/imports")
            .RequireAuthorization(EditingSetup.ApiEditorPolicy)
            .DisableAntiforgery()
            .RequireNonFormRequestForCookies()
            .WithTags("Importing");
        imports.MapPost("/dry-run", DryRunAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Check an import file: what each row would do (nothing is written)");
        imports.MapPost("/", ApplyAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status507InsufficientStorage)
            .WithSummary("Import a file: every accepted row in one transaction (refused rows, likely duplicates and already imported events are left out)");
        imports.MapGet("/", ListAsync).WithSummary("Recent imports");
        imports.MapGet("/{id:int}", GetAsync).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("One import and the events it created");
        imports.MapPost("/{id:int}/undo", UndoAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Undo an import: deletes (softly) every event it created");
    }

    private static async Task<Results<Ok<ImportPreviewResponse>, ProblemHttpResult>> DryRunAsync(HttpContext context, EventImports imports)
    {
        var (file, problem) = await ReadFileAsync(context);
        if (problem is not null)
        {
            return problem;
        }

        var preview = await imports.DryRunAsync(file!.Rows, cancellationToken: context.RequestAborted);
        return TypedResults.Ok(ImportPreviewResponse.From(preview));
    }

    private static async Task<Results<Created<ImportAppliedResponse>, Ok<ImportAppliedResponse>, ProblemHttpResult>> ApplyAsync(HttpContext context, EventImports imports)
    {
        var (file, problem) = await ReadFileAsync(context);
        if (problem is not null)
        {
            return problem;
        }

        return await imports.ApplyAsync(file!.Rows, file.Name, UserName(context), cancellationToken: context.RequestAborted) switch
        {
            ImportCommandResult.Applied applied => TypedResults.Created($"/api/imports/{applied.ImportId}", new ImportAppliedResponse(applied.ImportId, applied.Created, applied.Skipped, ImportPreviewResponse.From(applied.Preview).Rows)),
            // Nothing new (a file imported before, or only bad rows): a success that wrote nothing.
            ImportCommandResult.NothingToImport nothing => TypedResults.Ok(new ImportAppliedResponse(null, 0, nothing.Preview.Rows.Count, ImportPreviewResponse.From(nothing.Preview).Rows)),
            ImportCommandResult.StorageFailed { DiskFull: var full } => StorageProblem(full),
            ImportCommandResult.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Editors only"),
            var other => throw new InvalidOperationException($"Unexpected import result {other}"),
        };
    }

    private static async Task<Ok<IReadOnlyList<ImportSummary>>> ListAsync(EventImports imports, HttpContext context) =>
        TypedResults.Ok(await imports.ListRecentAsync(cancellationToken: context.RequestAborted));

    private static async Task<Results<Ok<ImportSummary>, ProblemHttpResult>> GetAsync(int id, EventImports imports, HttpContext context) =>
        await imports.GetAsync(id, context.RequestAborted) is { } summary
            ? TypedResults.Ok(summary)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No import {id}");

    private static async Task<Results<Ok<UndoResponse>, ProblemHttpResult>> UndoAsync(int id, EventImports imports, HttpContext context) =>
        await imports.UndoAsync(id, UserName(context), context.RequestAborted) switch
        {
            UndoImportResult.Undone undone => TypedResults.Ok(new UndoResponse(undone.ImportId, undone.Deleted)),
            UndoImportResult.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No import {id}"),
            UndoImportResult.AlreadyUndone already => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This import was already undone", detail: $"Undone by {already.By} at {already.At:u}."),
            UndoImportResult.EditedSince edited => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Events of this import were edited since",
                detail: "Nothing was deleted: undoing would throw those edits away. Delete or keep those events one by one first (their pages list the changes).",
                extensions: new Dictionary<string, object?> { ["editedEvents"] = edited.EventIds }),
            UndoImportResult.StorageFailed { DiskFull: var full } => StorageProblem(full),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Editors only"),
        };

    private static ProblemHttpResult StorageProblem(bool diskFull) => diskFull
        ? TypedResults.Problem(statusCode: StatusCodes.Status507InsufficientStorage, title: "The server's disk is full", detail: "Nothing was saved. Try again once space is freed.")
        : TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The database could not be written", detail: "Nothing was saved. Try again in a moment.");

    private sealed record UploadedFile(string Name, IReadOnlyList<ImportRow> Rows);

    private static async Task<(UploadedFile? File, ProblemHttpResult? Problem)> ReadFileAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxFileBytes;
        }

        var request = context.Request;
        if (request.ContentLength > MaxFileBytes)
        {
            return (null, TooLarge());
        }

        try
        {
            string name;
            string? contentType;
            ImportFileReadResult read;
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(context.RequestAborted);
                if (form.Files.Count == 0)
                {
                    return (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No file in the upload", detail: "Send the file as a multipart form field (any name)."));
                }

                var file = form.Files[0];
                (name, contentType) = (file.FileName, file.ContentType);
                await using var stream = file.OpenReadStream();
                read = await ImportFile.ReadAsync(stream, name, contentType, context.RequestAborted);
            }
            else
            {
                contentType = request.ContentType;
                var mediaType = contentType?.Split(';')[0].Trim() ?? string.Empty;
                if (!mediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase) && !request.HasJsonContentType())
                {
                    return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the file as text/csv, application/json or a multipart upload"));
                }

                name = request.Query["fileName"].ToString() is { Length: > 0 } given ? given : (request.HasJsonContentType() ? "upload.json" : "upload.csv");
                read = await ImportFile.ReadAsync(request.Body, name, contentType, context.RequestAborted);
            }

            return read switch
            {
                ImportFileReadResult.Rows rows => (new UploadedFile(name, rows.Items), null),
                ImportFileReadResult.Malformed malformed => (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The file cannot be read as an import", detail: malformed.Message)),
                _ => throw new InvalidOperationException("Unexpected read result"),
            };
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge());
        }
        catch (BadHttpRequestException exception)
        {
            return (null, TypedResults.Problem(statusCode: exception.StatusCode, title: "The upload could not be read", detail: exception.Message));
        }
        catch (InvalidDataException exception)
        {
            // A multipart body over the form limits, or broken.
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The upload could not be read", detail: exception.Message));
        }
    }

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: $"The file is larger than {MaxFileBytes / (1024 * 1024)} MB",
        detail: "Split it into smaller files and import them one after another.");

    private static string UserName(HttpContext context) => context.User.Identity?.Name ?? "(unknown)";
}

/// <summary>One row of a dry run or an import as the API writes it.</summary>
internal sealed record ImportRowResponse(int Row, string Title, string? ExternalKey, string Outcome, IReadOnlyList<ImportProblem> Problems, IReadOnlyList<ExistingEventResponse> Existing, string? Reason);

/// <param name="Score">For a likely duplicate: how alike it is (0 to 1), and <paramref name="Reasons"/> why.</param>
internal sealed record ExistingEventResponse(int Id, string Title, string Url, bool Deleted, double? Score, IReadOnlyList<string> Reasons);

internal sealed record ImportPreviewResponse(int WouldCreate, int Refused, int LikelyDuplicates, int AlreadyImported, IReadOnlyList<ImportRowResponse> Rows)
{
    public static ImportPreviewResponse From(ImportPreview preview) =>
        new(preview.WouldCreate, preview.Refused, preview.LikelyDuplicates, preview.AlreadyImported, preview.Rows.Select(ToRow).ToList());

    private static ImportRowResponse ToRow(ImportRowResult row) => row.Outcome switch
    {
        ImportRowOutcome.WouldCreate create => new(row.Row, row.Title, row.ExternalKey, "wouldCreate", create.Warnings, [], create.Warnings.Count > 0 ? "Created with the warnings listed in problems." : null),
        ImportRowOutcome.Refused refused => new(row.Row, row.Title, row.ExternalKey, "refused", refused.Problems, [], null),
        ImportRowOutcome.LikelyDuplicate duplicate => new(row.Row, row.Title, row.ExternalKey, "likelyDuplicate", [], duplicate.Candidates.Select(c => new ExistingEventResponse(c.Id, c.Title, $"/events/{c.Id}", false, c.Score, c.Reasons)).ToList(), "Saved events look like the same meeting."),
        ImportRowOutcome.AlreadyImported already => new(row.Row, row.Title, row.ExternalKey, "alreadyImported", [], [new ExistingEventResponse(already.EventId, already.Title, $"/events/{already.EventId}", already.IsDeleted, null, [])], already.Reason),
        _ => throw new InvalidOperationException($"Unexpected row outcome {row.Outcome}"),
    };
}

internal sealed record ImportAppliedResponse(int? ImportId, int Created, int Skipped, IReadOnlyList<ImportRowResponse> Rows);

internal sealed record UndoResponse(int ImportId, int Deleted);
