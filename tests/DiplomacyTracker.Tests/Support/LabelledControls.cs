using AngleSharp.Dom;

namespace DiplomacyTracker.Tests.Support;

/// <summary>
/// Finds a form control in rendered HTML the way assistive technology names it: a visible &lt;label for&gt; pointing at
/// a visible input, or a combobox whose aria-label is the visible label's text (MudBlazor's drop-downs).
/// </summary>
public static class LabelledControls
{
    public static IElement ControlLabelled(this IDocument document, string labelText)
    {
        var labels = document.QuerySelectorAll("label").Where(l => l.TextContent.Trim() == labelText).ToList();
        Assert.True(labels.Count > 0, $"No visible label reads '{labelText}'.");
        foreach (var label in labels)
        {
            if (label.GetAttribute("for") is { Length: > 0 } id && document.GetElementById(id) is { } target)
            {
                if (target.GetAttribute("type") != "hidden")
                {
                    return target;
                }

                // A drop-down: the label points at its hidden value; people reach the combobox, named by the same words.
                if (document.QuerySelectorAll("[role=combobox]").FirstOrDefault(c => c.GetAttribute("aria-label") == labelText) is { } combobox)
                {
                    return combobox;
                }
            }
        }

        throw new Xunit.Sdk.XunitException($"The label '{labelText}' names no control.");
    }
}
