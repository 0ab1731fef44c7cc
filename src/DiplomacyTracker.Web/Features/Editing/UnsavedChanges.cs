using System.Text.Json;
using DiplomacyTracker.Data.Events.Editing;

namespace DiplomacyTracker.Web.Features.Editing;

/// <summary>
/// Whether the editor's draft differs from what was loaded or last saved, and a copy of it in the browser half a
/// second after each change (so a reload, a lost connection or a failed save never loses what was typed).
/// </summary>
internal sealed class UnsavedChanges(BrowserDraftStore browser, Func<Func<Task>, Task> onRendererThread) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private string baseline = string.Empty;
    private CancellationTokenSource? pendingStore;

    public bool Any { get; private set; }

    /// <summary>This draft is now the saved state (just loaded, or just saved).</summary>
    public void Reset(EventDraft draft)
    {
        pendingStore?.Cancel();
        baseline = Serialize(draft);
        Any = false;
    }

    /// <summary>True when a stored draft holds something other than the saved state.</summary>
    public bool DiffersFromSaved(EventDraft stored) => Serialize(stored) != baseline;

    /// <summary>Recomputes <see cref="Any"/> and stores (or forgets) the browser copy shortly after.</summary>
    public void Changed(EventDraft draft, string storageKey, Guid? version)
    {
        Any = Serialize(draft) != baseline;
        pendingStore?.Cancel();
        pendingStore?.Dispose();
        pendingStore = new CancellationTokenSource();
        _ = StoreLaterAsync(draft, storageKey, version, Any, pendingStore.Token);
    }

    public async Task ForgetAsync(string storageKey)
    {
        pendingStore?.Cancel();
        await browser.RemoveAsync(storageKey);
    }

    private async Task StoreLaterAsync(EventDraft draft, string storageKey, Guid? version, bool dirty, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(500, cancellationToken);
            await onRendererThread(() => dirty
                ? browser.SaveAsync(storageKey, new StoredDraft(DateTimeOffset.UtcNow, version, draft), cancellationToken)
                : browser.RemoveAsync(storageKey, cancellationToken));
        }
        catch (OperationCanceledException)
        {
            // A newer change reschedules the store.
        }
    }

    private static string Serialize(EventDraft value) => JsonSerializer.Serialize(value, Json);

    public void Dispose()
    {
        pendingStore?.Cancel();
        pendingStore?.Dispose();
    }
}
