using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Events.Editing;
using DiplomacyTracker.Data.Places;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace DiplomacyTracker.Web.Features.Editing;

/// <summary>
/// Adds or edits one event: loads the draft, composes the form's sections, saves through <see cref="EditorGate"/>,
/// and keeps what was typed — in the form after any refused or failed save, and in the browser between visits.
/// </summary>
public sealed partial class EventEditorPage
{
    private UnsavedChanges? unsaved;
    private EventDraft? draft;
    private Guid version;
    private bool saving;
    private bool notFound;
    private bool showSummary;
    private string? errorMessage;
    private IReadOnlyList<DuplicateCandidate>? duplicates;
    private IReadOnlyDictionary<string, string[]>? warnings;
    private bool warningsConfirmed;
    private EventDraft? saved;
    private EventCommandResult.Conflict? conflict;
    private StoredDraft? storedDraft;
    private IReadOnlyList<PersonRef> people = [];
    private IReadOnlyList<TopicView> topics = [];
    private KnownPlaces knownPlaces = KnownPlaces.Of();
    private DraftValidator? validator;
    private string? revealAfterRender;
    private int? loadedId = -1;
    private int formKey;

    [Parameter]
    public int? Id { get; set; }

    private string Heading => Id is null ? "Add a visit" : "Edit visit";

    private string StorageKey => Id is null ? "diplomacy-draft:new" : $"diplomacy-draft:{Id}";

    private bool Dirty => unsaved?.Any == true;

    private Guid? StoredVersion => Id is null ? null : version;

    // The fingerprinted module ("./" so import() reads it as a path, not a package name).
    private string EditorScriptUrl => "./" + Assets["js/editing.js"].TrimStart('/');

    protected override async Task OnInitializedAsync()
    {
        unsaved = new UnsavedChanges(Browser, work => InvokeAsync(work));
        var options = await Queries.GetFilterChoicesAsync();
        people = options.Participants;
        topics = options.Topics;
        knownPlaces = await Places.GetKnownAsync();
    }

    // /events/new and /events/{id}/edit share this component: going from one to the other (the "Add visit" link on
    // an edit page) only sets new parameters, so the draft is (re)loaded whenever the event changes.
    protected override async Task OnParametersSetAsync()
    {
        if (loadedId != Id)
        {
            loadedId = Id;
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        (draft, version, notFound, showSummary, saved, warnings, warningsConfirmed) = (null, default, false, false, null, null, false);
        (errorMessage, duplicates, conflict, storedDraft, revealAfterRender) = (null, null, null, null, null);
        formKey++;
        if (Id is { } id)
        {
            var existing = await Commands.GetForEditAsync(id);
            if (id != Id)
            {
                // Parameters changed again while loading; that load wins.
                return;
            }

            if (existing is null)
            {
                notFound = true;
                return;
            }

            (draft, version) = (existing.Draft, existing.Version);
            saved = Copy(existing.Draft);
        }
        else
        {
            draft = EventDraft.NewVisit();
        }

        unsaved!.Reset(draft);
        if (Browser.IsReady)
        {
            // Not the first render: offer this event's stored draft now (the first render does it once the script loads).
            await OfferStoredDraftAsync();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (revealAfterRender is { } selector)
        {
            revealAfterRender = null;
            await Browser.RevealAsync(selector);
        }

        // Once a draft is on screen (the first render may still say "Loading…"), load the script and offer the stored draft.
        if (draft is not null && !Browser.IsReady && await Browser.StartAsync(EditorScriptUrl))
        {
            await OfferStoredDraftAsync();
        }
    }

    private async Task OfferStoredDraftAsync()
    {
        if (await Browser.LoadAsync(StorageKey) is { Draft: not null } stored && draft is not null && unsaved!.DiffersFromSaved(stored.Draft))
        {
            storedDraft = stored;
            StateHasChanged();
        }
    }

    private void RestoreStoredDraft()
    {
        if (storedDraft?.Draft is null)
        {
            return;
        }

        draft = storedDraft.Draft;
        if (storedDraft.Version is { } storedVersion && Id is not null)
        {
            // The draft was made against this version; saving it checks for changes made since.
            version = storedVersion;
        }

        storedDraft = null;
        formKey++;
        MarkChanged();
    }

    private async Task DiscardStoredDraftAsync()
    {
        storedDraft = null;
        await unsaved!.ForgetAsync(StorageKey);
    }

    private void ShowSummary()
    {
        showSummary = true;
        errorMessage = null;
        revealAfterRender = ".editor-summary";
    }

    private async Task SaveAnywayAsync()
    {
        draft!.IgnoreDuplicates = true;
        try
        {
            await SaveAsync();
        }
        finally
        {
            draft.IgnoreDuplicates = false;
        }
    }

    // The warnings stay confirmed until the form changes, so a duplicate warning after them does not ask again.
    private async Task ConfirmWarningsAsync()
    {
        warningsConfirmed = true;
        await SaveAsync();
    }

    private static EventDraft Copy(EventDraft draft) =>
        System.Text.Json.JsonSerializer.Deserialize<EventDraft>(System.Text.Json.JsonSerializer.Serialize(draft))!;

    private async Task OverwriteAsync()
    {
        if (conflict is not null)
        {
            version = conflict.Current.Version;
            saved = Copy(conflict.Current.Draft);
            await SaveAsync();
        }
    }

    private void LoadSavedVersion()
    {
        if (conflict is not null)
        {
            (draft, version) = (conflict.Current.Draft, conflict.Current.Version);
            saved = Copy(conflict.Current.Draft);
            unsaved!.Reset(draft);
            conflict = null;
            formKey++;
            MarkChanged();
        }
    }

    private async Task SaveAsync()
    {
        if (saving || draft is null)
        {
            return;
        }

        (saving, showSummary, errorMessage, duplicates, conflict, warnings) = (true, false, null, null, null, null);
        draft.ConfirmWarnings = warningsConfirmed;
        StateHasChanged();
        try
        {
            var result = Id is { } id ? await Gate.UpdateAsync(id, draft, version) : await Gate.CreateAsync(draft);
            switch (result)
            {
                case EventCommandResult.Saved saved:
                    unsaved!.Reset(draft);
                    await unsaved.ForgetAsync(StorageKey);
                    Snackbar.Add(Id is null ? "Visit saved." : "Changes saved.", Severity.Success);
                    Navigation.NavigateTo($"/events/{saved.EventId}");
                    return;
                case EventCommandResult.Invalid invalid:
                    showSummary = true;
                    validator?.ShowErrors(invalid.Errors);
                    revealAfterRender = ".editor-summary";
                    break;
                case EventCommandResult.NeedsConfirmation confirm:
                    warnings = confirm.Warnings;
                    revealAfterRender = ".editor-warnings";
                    break;
                case EventCommandResult.LikelyDuplicates likely:
                    duplicates = likely.Candidates;
                    revealAfterRender = ".editor-duplicates";
                    break;
                case EventCommandResult.Conflict found:
                    conflict = found;
                    revealAfterRender = ".editor-conflict";
                    break;
                case EventCommandResult.NotFound:
                    errorMessage = "This event no longer exists (it may have been deleted). Your input is kept in this browser.";
                    break;
                case EventCommandResult.Forbidden:
                    errorMessage = "Only signed-in editors can save. Sign in again in another tab; your input is kept here and in this browser.";
                    break;
                case EventCommandResult.StorageFailed storage:
                    errorMessage = storage.DiskFull
                        ? "Nothing was saved: the server's disk is full. Everything you typed is still here (and kept in this browser); save again once an administrator has freed space."
                        : "Nothing was saved: the database could not be written. Everything you typed is still here (and kept in this browser); try again in a moment.";
                    break;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Logger.LogError(exception, "Saving event {EventId} ('{Title}') failed in the editor", Id, draft.Title);
            errorMessage = "Saving failed because of a problem on the server. Nothing was saved; everything you typed is still here. Try again in a moment.";
        }
        finally
        {
            saving = false;
            draft.ConfirmWarnings = false;
            if (errorMessage is not null)
            {
                revealAfterRender = ".editor-error";
            }
        }
    }

    private async Task ConfirmLeaveAsync(LocationChangingContext context)
    {
        if (Dirty && !await Browser.ConfirmAsync("You have unsaved changes. Leave this page anyway? (A draft stays in this browser.)"))
        {
            context.PreventNavigation();
        }
    }

    private void Cancel() => Navigation.NavigateTo(Id is { } id ? $"/events/{id}" : "/");

    /// <summary>After any change in the form: is anything unsaved, and keep a copy in the browser.</summary>
    private void MarkChanged()
    {
        if (draft is not null)
        {
            warningsConfirmed = false;
            unsaved!.Changed(draft, StorageKey, StoredVersion);
            StateHasChanged();
        }
    }

    public void Dispose() => unsaved?.Dispose();
}
