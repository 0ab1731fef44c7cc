using System.Text.Json;
using DiplomacyTracker.Data.Events.Editing;
using Microsoft.JSInterop;

namespace DiplomacyTracker.Web.Features.Editing;

/// <summary>What the browser keeps of an unsaved edit: when, which version it was edited against, and the draft.</summary>
public sealed record StoredDraft(DateTimeOffset SavedAt, Guid? Version, EventDraft? Draft);

/// <summary>
/// The editor's use of the browser (js/editing.js): unsaved drafts in localStorage, the leave-page question, and
/// bringing a message panel into view. One per circuit; every call tolerates a missing or broken script (the editor
/// still works, it just remembers less).
/// </summary>
public sealed class BrowserDraftStore(IJSRuntime js, ILogger<BrowserDraftStore> logger) : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private IJSObjectReference? module;

    public bool IsReady => module is not null;

    /// <summary>Loads the script (its fingerprinted address, from the page's Assets); call after the first interactive render.</summary>
    public async Task<bool> StartAsync(string scriptUrl)
    {
        try
        {
            module ??= await js.InvokeAsync<IJSObjectReference>("import", scriptUrl);
        }
        catch (JSException exception)
        {
            logger.LogWarning(exception, "Could not load the editor script");
        }

        return module is not null;
    }

    public async Task<StoredDraft?> LoadAsync(string key)
    {
        try
        {
            return module is not null && await module.InvokeAsync<string?>("loadDraft", key) is { } json
                ? JsonSerializer.Deserialize<StoredDraft>(json, Json)
                : null;
        }
        catch (JSException exception)
        {
            logger.LogWarning(exception, "Could not read the stored draft {Key}", key);
        }
        catch (JsonException exception)
        {
            logger.LogWarning(exception, "Ignoring an unreadable stored draft {Key}", key);
        }

        return null;
    }

    public async Task SaveAsync(string key, StoredDraft draft, CancellationToken cancellationToken)
    {
        if (module is not null)
        {
            await Quietly(key, () => module.InvokeAsync<bool>("saveDraft", cancellationToken, key, JsonSerializer.Serialize(draft, Json)).AsTask());
        }
    }

    public async Task RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        if (module is not null)
        {
            await Quietly(key, () => module.InvokeVoidAsync("removeDraft", cancellationToken, key).AsTask());
        }
    }

    /// <summary>Asks the reader (window.confirm); true when there is no script to ask with.</summary>
    public async Task<bool> ConfirmAsync(string question) =>
        module is null || await module.InvokeAsync<bool>("confirmLeave", question);

    /// <summary>Scrolls a message panel into view and moves focus to it (for screen readers).</summary>
    public async Task RevealAsync(string selector)
    {
        if (module is not null)
        {
            await Quietly(selector, () => module.InvokeVoidAsync("reveal", selector).AsTask());
        }
    }

    private async Task Quietly(string what, Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; what the browser already stored stays there.
        }
        catch (JSException exception)
        {
            logger.LogWarning(exception, "Browser storage call for {What} failed", what);
        }
    }

    public async ValueTask DisposeAsync()
    {
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
}
