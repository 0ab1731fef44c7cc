using System.Text.Json;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Events.Editing;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;
using Radzen;

namespace DiplomacyTracker.Web.Features.Editing;

public sealed partial class EventEditorPage
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly IReadOnlyList<Choice<bool>> PersonModes = [new(false, "Someone already recorded"), new(true, "A new person")];

    private EventDraft? draft;
    private Guid version;
    private string baseline = string.Empty;
    private bool dirty;
    private bool saving;
    private bool notFound;
    private bool showSummary;
    private string? errorMessage;
    private IReadOnlyList<DuplicateCandidate>? duplicates;
    private EventCommandResult.Conflict? conflict;
    private StoredDraft? storedDraft;
    private IReadOnlyList<PersonRef> people = [];
    private IReadOnlyList<TopicView> topics = [];
    private DraftValidator? validator;
    private IJSObjectReference? module;
    private CancellationTokenSource? pendingDraftSave;
    private string? revealAfterRender;
    private string? editorName;
    private bool loaded;
    private int? loadedId;
    private int formKey;
    private bool moduleRequested;

    [Parameter]
    public int? Id { get; set; }

    private string Heading => Id is null ? "Add a visit" : "Edit visit";

    private string StorageKey => Id is null ? "diplomacy-draft:new" : $"diplomacy-draft:{Id}";

    private IEnumerable<Choice<string>> ParticipantChoices =>
        draft!.Participants.Select((p, i) => new Choice<string>(p.Key, p.DisplayName is { Length: > 0 } name ? name : $"Participant {i + 1}"));

    private const string OtherSpeakerPrefix = "person:";

    private IEnumerable<Choice<string>> SourceChoices =>
        draft!.Sources.Select((s, i) => new Choice<string>(s.Key, s.Title is { Length: > 0 } title ? title : $"Source {i + 1}"));

    protected override async Task OnInitializedAsync()
    {
        editorName = await Gate.GetEditorNameAsync();
        var options = await Queries.GetFilterOptionsAsync();
        people = options.Participants;
        topics = options.Topics;
    }

    // /events/new and /events/{id}/edit share this component: going from one to the other (the "Add visit" link on
    // an edit page) only sets new parameters, so the draft is (re)loaded whenever the event changes.
    protected override async Task OnParametersSetAsync()
    {
        if (loaded && loadedId == Id)
        {
            return;
        }

        loaded = true;
        loadedId = Id;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        pendingDraftSave?.Cancel();
        draft = null;
        version = default;
        baseline = string.Empty;
        dirty = false;
        notFound = false;
        showSummary = false;
        errorMessage = null;
        duplicates = null;
        conflict = null;
        storedDraft = null;
        revealAfterRender = null;
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

            draft = existing.Draft;
            version = existing.Version;
        }
        else
        {
            draft = new EventDraft { Legs = [new LegDraft()], Participants = [new ParticipantDraft { PersonId = 0 }] };
        }

        baseline = Serialize(draft);
        if (module is not null)
        {
            // Not the first render: offer this event's stored draft (the first render does it once the script loads).
            await OfferStoredDraftAsync();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (revealAfterRender is { } selector && module is not null)
        {
            revealAfterRender = null;
            try
            {
                await module.InvokeVoidAsync("reveal", selector);
            }
            catch (JSException exception)
            {
                Logger.LogWarning(exception, "Could not reveal {Selector}", selector);
            }
        }

        // Once a draft is on screen (the first render may still say "Loading…"), load the script and offer the stored draft.
        if (moduleRequested || draft is null)
        {
            return;
        }

        moduleRequested = true;
        try
        {
            module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/editing.js");
        }
        catch (JSException exception)
        {
            Logger.LogWarning(exception, "Could not load the editor script for event {EventId}", Id);
            return;
        }

        await OfferStoredDraftAsync();
    }

    private async Task OfferStoredDraftAsync()
    {
        if (module is null || draft is null)
        {
            return;
        }

        try
        {
            var json = await module.InvokeAsync<string?>("loadDraft", StorageKey);
            if (json is not null && draft is not null && JsonSerializer.Deserialize<StoredDraft>(json, Json) is { Draft: not null } stored
                && Serialize(stored.Draft) != baseline)
            {
                storedDraft = stored;
                StateHasChanged();
            }
        }
        catch (JSException exception)
        {
            Logger.LogWarning(exception, "Could not read the stored draft of event {EventId}", Id);
        }
        catch (JsonException exception)
        {
            Logger.LogWarning(exception, "Ignoring an unreadable stored draft of event {EventId}", Id);
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
        MarkChanged();
    }

    private async Task DiscardStoredDraftAsync()
    {
        storedDraft = null;
        await RemoveStoredDraftAsync();
    }

    private async Task SubmitAsync(EventDraft submitted)
    {
        showSummary = false;
        await SaveAsync();
    }

    private void OnInvalidSubmit(FormInvalidSubmitEventArgs args)
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

    private async Task OverwriteAsync()
    {
        if (conflict is not null)
        {
            version = conflict.Current.Version;
            await SaveAsync();
        }
    }

    private void LoadSavedVersion()
    {
        if (conflict?.Current is { } current)
        {
            draft = current.Draft;
            version = current.Version;
            baseline = Serialize(draft);
            conflict = null;
            validator?.Reset();
            MarkChanged();
        }
    }

    private async Task SaveAsync()
    {
        if (saving || draft is null)
        {
            return;
        }

        saving = true;
        errorMessage = null;
        duplicates = null;
        conflict = null;
        StateHasChanged();
        try
        {
            var result = Id is { } id ? await Gate.UpdateAsync(id, draft, version) : await Gate.CreateAsync(draft);
            switch (result)
            {
                case EventCommandResult.Saved saved:
                    baseline = Serialize(draft);
                    dirty = false;
                    pendingDraftSave?.Cancel();
                    await RemoveStoredDraftAsync();
                    Navigation.NavigateTo($"/events/{saved.EventId}");
                    return;
                case EventCommandResult.Invalid invalid:
                    showSummary = true;
                    validator?.ShowErrors(invalid.Errors);
                    revealAfterRender = ".editor-summary";
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
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Logger.LogError(exception, "Saving event {EventId} ('{Title}') failed in the editor for {User}", Id, draft.Title, editorName);
            errorMessage = "Saving failed because of a problem on the server. Nothing was saved; everything you typed is still here. Try again in a moment.";
        }
        finally
        {
            saving = false;
            if (errorMessage is not null)
            {
                revealAfterRender = ".editor-error";
            }
        }
    }

    private async Task ConfirmLeaveAsync(LocationChangingContext context)
    {
        if (!dirty || module is null)
        {
            return;
        }

        if (!await module.InvokeAsync<bool>("confirmLeave", "You have unsaved changes. Leave this page anyway? (A draft stays in this browser.)"))
        {
            context.PreventNavigation();
        }
    }

    private void Cancel() => Navigation.NavigateTo(Id is { } id ? $"/events/{id}" : "/");

    // Rows -------------------------------------------------------------------------------------------------------

    private void AddParticipant()
    {
        draft!.Participants.Add(new ParticipantDraft { PersonId = 0 });
        MarkChanged();
    }

    private void RemoveParticipant(ParticipantDraft participant)
    {
        draft!.Participants.Remove(participant);
        foreach (var leg in draft.Legs)
        {
            leg.AttendeeKeys.Remove(participant.Key);
        }

        foreach (var statement in draft.Statements.Where(s => s.SpeakerKey == participant.Key))
        {
            // A recorded person stays the speaker of what they said, as a non-participant.
            statement.SpeakerKey = null;
            if (participant.PersonId is > 0)
            {
                statement.SpeakerPersonId = participant.PersonId;
                statement.SpeakerName = participant.PersonName;
            }
        }

        MarkChanged();
    }

    private void SetNewPerson(ParticipantDraft participant, bool isNew)
    {
        if (isNew)
        {
            participant.PersonId = null;
            participant.PersonName = null;
        }
        else
        {
            // Back to picking: PersonId stays empty until a person is chosen.
            participant.PersonId = 0;
            participant.NewNameEn = participant.NewNameZh = participant.NewNameRu = null;
        }

        MarkChanged();
    }

    private void PickPerson(ParticipantDraft participant, int? id)
    {
        participant.PersonId = id ?? 0;
        participant.PersonName = people.FirstOrDefault(p => p.Id == id)?.Name;
        MarkChanged();
    }

    private void AddLeg()
    {
        draft!.Legs.Add(new LegDraft());
        MarkChanged();
    }

    private void RemoveLeg(LegDraft leg)
    {
        draft!.Legs.Remove(leg);
        MarkChanged();
    }

    private void SetAttendees(LegDraft leg, IEnumerable<string>? keys)
    {
        leg.AttendeeKeys = keys?.ToList() ?? [];
        MarkChanged();
    }

    private void AddSource()
    {
        draft!.Sources.Add(new SourceDraft());
        MarkChanged();
    }

    private void RemoveSource(SourceDraft source)
    {
        draft!.Sources.Remove(source);
        foreach (var statement in draft.Statements.Where(s => s.SourceKey == source.Key))
        {
            statement.SourceKey = null;
        }

        foreach (var document in draft.Documents.Where(d => d.SourceKey == source.Key))
        {
            document.SourceKey = null;
        }

        MarkChanged();
    }

    // The speaker drop-down lists the participants, plus the statement's current speaker when that person is not a
    // participant (a spokesperson, a minister quoted from afar), so the editor sees and keeps them.
    private List<Choice<string>> SpeakerChoices(StatementDraft statement)
    {
        var choices = ParticipantChoices.ToList();
        if (statement.SpeakerPersonId is { } id)
        {
            choices.Add(new(OtherSpeakerPrefix + id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{statement.SpeakerName ?? "Recorded person"} (not a participant)"));
        }

        return choices;
    }

    private static string? SpeakerValue(StatementDraft statement) =>
        statement.SpeakerKey is { Length: > 0 } key ? key
        : statement.SpeakerPersonId is { } id ? OtherSpeakerPrefix + id.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : null;

    private void SetSpeaker(StatementDraft statement, string? value)
    {
        if (value is not null && value.StartsWith(OtherSpeakerPrefix, StringComparison.Ordinal))
        {
            statement.SpeakerKey = null;
        }
        else
        {
            statement.SpeakerKey = value;
            statement.SpeakerPersonId = null;
            statement.SpeakerName = null;
        }

        MarkChanged();
    }

    private void AddStatement()
    {
        draft!.Statements.Add(new StatementDraft());
        MarkChanged();
    }

    private void RemoveStatement(StatementDraft statement)
    {
        draft!.Statements.Remove(statement);
        MarkChanged();
    }

    private void AddDocument()
    {
        draft!.Documents.Add(new DocumentDraft());
        MarkChanged();
    }

    private void RemoveDocument(DocumentDraft document)
    {
        draft!.Documents.Remove(document);
        MarkChanged();
    }

    private void SetTopics(IEnumerable<string>? slugs)
    {
        draft!.TopicSlugs = slugs?.ToList() ?? [];
        MarkChanged();
    }

    // Draft storage ----------------------------------------------------------------------------------------------

    /// <summary>Recomputes whether there are unsaved changes and stores the draft in the browser shortly after.</summary>
    private void MarkChanged()
    {
        if (draft is null)
        {
            return;
        }

        dirty = Serialize(draft) != baseline;
        pendingDraftSave?.Cancel();
        pendingDraftSave?.Dispose();
        pendingDraftSave = new CancellationTokenSource();
        _ = StoreDraftLaterAsync(pendingDraftSave.Token);
        StateHasChanged();
    }

    private async Task StoreDraftLaterAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(500, cancellationToken);
            await InvokeAsync(async () =>
            {
                if (module is null || draft is null || cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                if (dirty)
                {
                    var stored = new StoredDraft(DateTimeOffset.UtcNow, Id is null ? null : version, draft);
                    await module.InvokeAsync<bool>("saveDraft", cancellationToken, StorageKey, JsonSerializer.Serialize(stored, Json));
                }
                else
                {
                    await module.InvokeVoidAsync("removeDraft", cancellationToken, StorageKey);
                }
            });
        }
        catch (OperationCanceledException)
        {
            // A newer change reschedules the save.
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; the last stored draft stays in the browser.
        }
        catch (JSException exception)
        {
            Logger.LogWarning(exception, "Could not store the draft of event {EventId} in the browser", Id);
        }
    }

    private async Task RemoveStoredDraftAsync()
    {
        if (module is not null)
        {
            try
            {
                await module.InvokeVoidAsync("removeDraft", StorageKey);
            }
            catch (JSException exception)
            {
                Logger.LogWarning(exception, "Could not remove the stored draft of event {EventId}", Id);
            }
        }
    }

    private static string Serialize(EventDraft value) => JsonSerializer.Serialize(value, Json);

    public async ValueTask DisposeAsync()
    {
        pendingDraftSave?.Cancel();
        pendingDraftSave?.Dispose();
        if (module is not null)
        {
            try
            {
                await module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is already gone.
            }
        }
    }

    /// <summary>What the browser keeps: when, which version it was edited against, and the draft.</summary>
    private sealed record StoredDraft(DateTimeOffset SavedAt, Guid? Version, EventDraft? Draft);
}
