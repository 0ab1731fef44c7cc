using DiplomacyTracker.Data.Events.Editing;
using DiplomacyTracker.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace DiplomacyTracker.Web.Features.Editing;

/// <summary>
/// What the interactive editor pages call to write. Every call checks the circuit's user against the Editor policy
/// on the server, so a forged component event from a reader (or a signed-out circuit) is refused like an API call.
/// </summary>
public sealed class EditorGate(
    AuthenticationStateProvider authentication,
    IAuthorizationService authorization,
    EventCommands commands,
    ILogger<EditorGate> logger)
{
    public async Task<string?> GetEditorNameAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        var result = await authorization.AuthorizeAsync(state.User, EditingSetup.EditorPolicy);
        return result.Succeeded ? state.User.Identity?.Name ?? "(editor)" : null;
    }

    public Task<EventCommandResult> CreateAsync(EventDraft draft, CancellationToken cancellationToken = default) =>
        AsEditor(null, "create", user => commands.CreateAsync(draft, user, cancellationToken));

    public Task<EventCommandResult> UpdateAsync(int id, EventDraft draft, Guid version, CancellationToken cancellationToken = default) =>
        AsEditor(id, "update", user => commands.UpdateAsync(id, draft, version, user, cancellationToken));

    public Task<EventCommandResult> DeleteAsync(int id, CancellationToken cancellationToken = default) =>
        AsEditor(id, "delete", user => commands.SoftDeleteAsync(id, user, cancellationToken));

    public Task<EventCommandResult> RestoreAsync(int id, CancellationToken cancellationToken = default) =>
        AsEditor(id, "restore", user => commands.RestoreAsync(id, user, cancellationToken));

    private async Task<EventCommandResult> AsEditor(int? id, string action, Func<string, Task<EventCommandResult>> write)
    {
        var user = await GetEditorNameAsync();
        if (user is null)
        {
            var state = await authentication.GetAuthenticationStateAsync();
            logger.LogWarning("Refused {Action} of event {EventId} for {User}: not an editor", action, id, state.User.Identity?.Name ?? "(anonymous)");
            return new EventCommandResult(EventCommandStatus.Forbidden, id);
        }

        return await write(user);
    }
}
