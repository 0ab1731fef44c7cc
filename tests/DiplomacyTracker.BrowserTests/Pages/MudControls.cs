using Microsoft.Playwright;

namespace DiplomacyTracker.BrowserTests.Pages;

/// <summary>
/// Driving MudBlazor's pop-up controls the way a person does: open the labelled control, then pick the option by
/// its visible name. The option list opens in a popover at the end of the page, so it is looked up on the page.
/// Filter options carry how many events they match ("State visit (3)"): an option is found by its name with or
/// without that count.
/// </summary>
public static class MudControls
{
    /// <summary>An option by its visible name, followed or not by its count.</summary>
    public static ILocator Option(IPage page, string name) =>
        page.GetByRole(AriaRole.Option, new() { NameRegex = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(name) + @"( \(\d+\))?$") });

    /// <summary>Opens a drop-down (its combobox, found by label) and picks an option.</summary>
    public static async Task ChooseAsync(ILocator combobox, string option)
    {
        await combobox.ClickAsync();
        await Option(combobox.Page, option).ClickAsync();
        await Assertions.Expect(combobox.Page.GetByRole(AriaRole.Listbox)).ToHaveCountAsync(0);
    }

    /// <summary>Types into an autocomplete and picks the suggestion with this name.</summary>
    public static async Task AutocompleteAsync(ILocator input, string typed, string option)
    {
        await input.FillAsync(typed);
        await Option(input.Page, option).ClickAsync();
        await Assertions.Expect(input).ToHaveValueAsync(option);
    }

    /// <summary>Picks options of a multi-select drop-down, then closes it.</summary>
    public static async Task ChooseManyAsync(ILocator combobox, params string[] options)
    {
        await combobox.ClickAsync();
        foreach (var option in options)
        {
            var item = combobox.Page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true });
            await item.ClickAsync();
            // The choice goes to the server and back; close only once it is shown as chosen.
            await Assertions.Expect(item).ToHaveAttributeAsync("aria-selected", "true");
        }

        await combobox.Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(combobox.Page.GetByRole(AriaRole.Listbox)).ToHaveCountAsync(0);
    }
}
