using System.Security.Claims;
using DiplomacyTracker.Data.Events.Editing;
using DiplomacyTracker.Data.Events.Importing;
using DiplomacyTracker.Data.Operations;
using DiplomacyTracker.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace DiplomacyTracker.Web.Features.Editing;

/// <summary>
/// What the interactive editor pages call to write. Every call checks the circuit's user against the database at the
/// moment of the write (<see cref="EditingSetup.CurrentEditorPolicy"/>, the same check as the write API's): a forged
/// component event from a reader, or a write from a circuit whose user has since signed out or lost the role, is
/// refused like an API call.
/// </summary>
public sealed class EditorGate(
    AuthenticationStateProvider authentication,
    IAuthorizationService authorization,
    EventCommands commands,
    EventImports imports,
    DatabaseBackups backups,
    ILogger<EditorGate> logger)
{
    /// <summary>The circuit user's name if they are an editor right now (per the database), else null.</summary>
    public async Task<string?> GetEditorNameAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return await GetCurrentEditorNameAsync(state.User);
    }

    private async Task<string?> GetCurrentEditorNameAsync(ClaimsPrincipal principal) =>
        (await authorization.AuthorizeAsync(principal, EditingSetup.CurrentEditorPolicy)).Succeeded
            ? principal.Identity?.Name ?? "(editor)"
            : null;

    public Task<EventCommandResult> CreateAsync(EventDraft draft, CancellationToken cancellationToken = default) =>
        AsEditor(null, "create", user => commands.CreateAsync(draft, user, cancellationToken));

    public Task<EventCommandResult> UpdateAsync(int id, EventDraft draft, Guid version, CancellationToken cancellationToken = default) =>
        AsEditor(id, "update", user => commands.UpdateAsync(id, draft, version, user, cancellationToken));

    public Task<EventCommandResult> DeleteAsync(int id, CancellationToken cancellationToken = default) =>
        AsEditor(id, "delete", user => commands.SoftDeleteAsync(id, user, cancellationToken));

    public Task<EventCommandResult> RestoreAsync(int id, CancellationToken cancellationToken = default) =>
        AsEditor(id, "restore", user => commands.RestoreAsync(id, user, cancellationToken));

    /// <summary>Applies an import as the circuit's editor (checked in the database now, as every write is).</summary>
    public async Task<ImportCommandResult> ApplyImportAsync(IReadOnlyList<ImportRow> rows, string fileName, IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
        await CurrentEditorAsync("import", fileName) is { } user
            ? await imports.ApplyAsync(rows, fileName, user, progress, cancellationToken)
            : new ImportCommandResult.Forbidden();

    public async Task<UndoImportResult> UndoImportAsync(int importId, CancellationToken cancellationToken = default) =>
        await CurrentEditorAsync("undo of import", importId) is { } user
            ? await imports.UndoAsync(importId, user, cancellationToken)
            : new UndoImportResult.Forbidden();

    private async Task<string?> CurrentEditorAsync(string action, object? target)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        var user = await GetCurrentEditorNameAsync(state.User);
        if (user is null)
        {
            logger.LogWarning("Refused {Action} {Target} for {User}: not an editor", action, target, state.User.Identity?.Name ?? "(anonymous)");
        }

        return user;
    }

    /// <summary>Writes a backup now, for a current editor; null when the user is not one.</summary>
    public async Task<BackupFile?> BackUpAsync(CancellationToken cancellationToken = default)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        if (await GetCurrentEditorNameAsync(state.User) is not { } user)
        {
            logger.LogWarning("Refused a backup for {User}: not an editor", state.User.Identity?.Name ?? "(anonymous)");
            return null;
        }

        return await backups.CreateAsync(user, cancellationToken);
    }

    private async Task<EventCommandResult> AsEditor(int? id, string action, Func<string, Task<EventCommandResult>> write)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        var user = await GetCurrentEditorNameAsync(state.User);
        if (user is null)
        {
            logger.LogWarning("Refused {Action} of event {EventId} for {User}: not an editor", action, id, state.User.Identity?.Name ?? "(anonymous)");
            return new EventCommandResult.Forbidden();
        }

        return await write(user);
    }
}
