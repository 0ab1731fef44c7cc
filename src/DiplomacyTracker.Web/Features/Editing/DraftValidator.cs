using System.Collections;
using System.Reflection;
using DiplomacyTracker.Data.Events.Editing;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace DiplomacyTracker.Web.Features.Editing;

/// <summary>
/// Puts <see cref="EventDraftValidator"/>'s messages next to the fields of an edit form: each error path
/// ("Legs[1].City") becomes the FieldIdentifier of that property on that nested object. Fields are checked as they
/// change once touched, and all of them on submit; server results (<see cref="ShowErrors"/>) use the same paths.
/// </summary>
public sealed class DraftValidator : ComponentBase, IDisposable
{
    private readonly HashSet<FieldIdentifier> touched = [];
    private ValidationMessageStore? store;
    private EditContext? subscribed;
    private bool submitted;

    [CascadingParameter]
    private EditContext? EditContext { get; set; }

    [Parameter, EditorRequired]
    public EventDraft Draft { get; set; } = default!;

    /// <summary>The event as saved when the form edits one (null for a new event): the rules take it into account.</summary>
    [Parameter]
    public EventDraft? Saved { get; set; }

    /// <summary>Called after any field of the form changed (the page stores the draft).</summary>
    [Parameter]
    public Action? Changed { get; set; }

    protected override void OnParametersSet()
    {
        if (EditContext is null)
        {
            throw new InvalidOperationException($"{nameof(DraftValidator)} must be inside a form.");
        }

        if (!ReferenceEquals(subscribed, EditContext))
        {
            Unsubscribe();
            subscribed = EditContext;
            store = new ValidationMessageStore(EditContext);
            EditContext.OnFieldChanged += OnFieldChanged;
            EditContext.OnValidationRequested += OnValidationRequested;
        }
    }

    /// <summary>Validates everything and shows every message (as on submit); true when valid.</summary>
    public bool ValidateAll()
    {
        submitted = true;
        return Show(EventDraftValidator.Validate(Draft, Saved), all: true);
    }

    /// <summary>Shows errors from the server (same paths), e.g. a person that no longer exists.</summary>
    public void ShowErrors(IReadOnlyDictionary<string, string[]> errors)
    {
        submitted = true;
        Show(errors, all: true);
    }

    public void Reset()
    {
        submitted = false;
        touched.Clear();
        store?.Clear();
        EditContext?.NotifyValidationStateChanged();
    }

    /// <summary>The field an error path names: "Legs[1].City" → (Draft.Legs[1], "City"); null when the row is gone.</summary>
    public static FieldIdentifier? Resolve(object root, string path)
    {
        object? model = root;
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            model = Step(model, segments[i]);
            if (model is null)
            {
                return null;
            }
        }

        var last = segments[^1];
        var bracket = last.IndexOf('[', StringComparison.Ordinal);
        if (bracket >= 0)
        {
            // "Legs[2]" as a whole: attach to the list property on the parent.
            last = last[..bracket];
        }

        return new FieldIdentifier(model!, last);
    }

    private static object? Step(object? model, string segment)
    {
        if (model is null)
        {
            return null;
        }

        var bracket = segment.IndexOf('[', StringComparison.Ordinal);
        var name = bracket >= 0 ? segment[..bracket] : segment;
        var value = model.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)?.GetValue(model);
        if (bracket < 0)
        {
            return value;
        }

        var index = int.Parse(segment[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
        return value is IList list && index >= 0 && index < list.Count ? list[index] : null;
    }

    private void OnFieldChanged(object? sender, FieldChangedEventArgs e)
    {
        touched.Add(e.FieldIdentifier);
        Show(EventDraftValidator.Validate(Draft, Saved), all: submitted);
        Changed?.Invoke();
    }

    private void OnValidationRequested(object? sender, ValidationRequestedEventArgs e) => ValidateAll();

    private bool Show(IReadOnlyDictionary<string, string[]> errors, bool all)
    {
        store!.Clear();
        foreach (var (path, messages) in errors)
        {
            if (Resolve(Draft, path) is { } field && (all || touched.Contains(field)))
            {
                store.Add(field, messages);
            }
        }

        EditContext!.NotifyValidationStateChanged();
        return errors.Count == 0;
    }

    private void Unsubscribe()
    {
        if (subscribed is not null)
        {
            subscribed.OnFieldChanged -= OnFieldChanged;
            subscribed.OnValidationRequested -= OnValidationRequested;
        }
    }

    public void Dispose() => Unsubscribe();
}
