using AngleSharp.Dom;
using DiplomacyTracker.Data.Events.Editing;
using Microsoft.AspNetCore.Components;

namespace DiplomacyTracker.ComponentTests.Editing;

/// <summary>
/// Renders one editor section inside the form it lives in on the page (EditForm + DraftValidator), with MudBlazor's
/// services; finds fields by their visible labels, as people and screen readers do.
/// </summary>
public abstract class EditorSectionTest : MudTestContext
{
    protected IRenderedComponent<EditorHost> RenderSection<TSection>(EventDraft draft, Action<ComponentParameterCollectionBuilder<TSection>>? parameters = null)
        where TSection : IComponent =>
        Render<EditorHost>(host => host
            .Add(h => h.Draft, draft)
            .AddChildContent<TSection>(section =>
            {
                section.TryAdd("Draft", draft);
                parameters?.Invoke(section);
            }));

    /// <summary>The input (or drop-down) a visible label names, within <paramref name="scope"/>.</summary>
    protected static IElement Field(IElement scope, string label)
    {
        foreach (var element in scope.QuerySelectorAll("label").Where(l => l.TextContent.Trim() == label))
        {
            if (element.GetAttribute("for") is { Length: > 0 } id && scope.QuerySelector($"[id='{id}']") is { } target)
            {
                return target.GetAttribute("type") == "hidden"
                    ? scope.QuerySelectorAll("[role=combobox]").Single(c => c.GetAttribute("aria-label") == label)
                    : target;
            }

            if (element.QuerySelector("input") is { } wrapped)
            {
                return wrapped;
            }
        }

        throw new Xunit.Sdk.XunitException($"No field is labelled '{label}'. Labels: {string.Join(", ", scope.QuerySelectorAll("label").Select(l => l.TextContent.Trim()))}");
    }

    protected static IElement Field(IRenderedComponent<EditorHost> cut, string label) => Field(cut.Find("form"), label);

    /// <summary>A row or section: the fieldset whose legend reads <paramref name="name"/>.</summary>
    protected static IElement Group(IRenderedComponent<EditorHost> cut, string name) =>
        cut.FindAll("fieldset").SingleOrDefault(f => f.QuerySelector("legend")?.TextContent.Trim() == name)
        ?? throw new Xunit.Sdk.XunitException($"No group named '{name}'.");

    protected static IReadOnlyList<string> GroupNames(IRenderedComponent<EditorHost> cut) =>
        cut.FindAll("fieldset > legend").Select(l => l.TextContent.Trim()).ToList();

    protected static IElement Button(IElement scope, string name) =>
        scope.QuerySelectorAll("button").Single(b => (b.GetAttribute("aria-label") ?? b.TextContent.Trim()) == name);

    protected static IElement Button(IRenderedComponent<EditorHost> cut, string name) => Button(cut.Find("form"), name);

    /// <summary>The validation message shown for a field (the element its aria-describedby names as the error).</summary>
    protected static string? MessageFor(IRenderedComponent<EditorHost> cut, IElement field)
    {
        var ids = (field.GetAttribute("aria-describedby") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return ids.Select(id => cut.Find("form").QuerySelector($"[id='{id}']")).FirstOrDefault(e => e is not null && e.ParentElement?.ClassList.Contains("mud-input-error") == true)?.TextContent.Trim();
    }

    /// <summary>The field shows this message (or none, for null) once the components have re-rendered.</summary>
    protected static void ExpectMessage(IRenderedComponent<EditorHost> cut, Func<IElement> field, string? expected) =>
        cut.WaitForAssertion(() => Assert.Equal(expected, MessageFor(cut, field())), TimeSpan.FromSeconds(5));

    /// <summary>Runs the rules over the whole draft, as pressing Save does.</summary>
    protected static void ValidateAll(IRenderedComponent<EditorHost> cut) =>
        cut.InvokeAsync(() => cut.Instance.Validator!.ValidateAll()).GetAwaiter().GetResult();
}
