using MudBlazor;

namespace DiplomacyTracker.Web.Components.Layout;

/// <summary>
/// The MudBlazor theme: a deep red primary (the app's mark) with a blue secondary for the two sides, light and dark
/// palettes with WCAG AA contrast for text, and the reader's system fonts (nothing is fetched from a font host).
/// </summary>
public static class AppTheme
{
    private static readonly string[] SystemFonts =
        ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#8b1e2d",
            PrimaryContrastText = "#ffffff",
            Secondary = "#1f4e9c",
            SecondaryContrastText = "#ffffff",
            AppbarBackground = "#8b1e2d",
            AppbarText = "#ffffff",
            Background = "#f6f5f3",
            Surface = "#ffffff",
            TextPrimary = "#1c1b1a",
            TextSecondary = "#57534e",
            DrawerBackground = "#ffffff",
            DrawerText = "#1c1b1a",
            DrawerIcon = "#57534e",
            // Alert colours dark enough for text on their own tint (WCAG AA).
            Success = "#1e6b2a",
            Info = "#1b5a9e",
            Warning = "#7a4f00",
            Error = "#b3261e",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#f2a7b0",
            PrimaryContrastText = "#2a1418",
            Secondary = "#9fbff5",
            SecondaryContrastText = "#0f1a2e",
            AppbarBackground = "#2a1418",
            AppbarText = "#f5f5f4",
            Background = "#151312",
            Surface = "#1f1d1b",
            TextPrimary = "#f0eeec",
            TextSecondary = "#c2bcb5",
            DrawerBackground = "#1f1d1b",
            DrawerText = "#f0eeec",
            DrawerIcon = "#c2bcb5",
            Success = "#8fd19e",
            Info = "#9fc8f5",
            Warning = "#f5c26b",
            Error = "#f2b8b5",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = SystemFonts },
            H1 = new H1Typography { FontFamily = SystemFonts, FontSize = "2rem", FontWeight = "700", LineHeight = "1.25", LetterSpacing = "0" },
            H2 = new H2Typography { FontFamily = SystemFonts, FontSize = "1.5rem", FontWeight = "700", LineHeight = "1.3", LetterSpacing = "0" },
            H3 = new H3Typography { FontFamily = SystemFonts, FontSize = "1.2rem", FontWeight = "600", LineHeight = "1.35", LetterSpacing = "0" },
            Button = new ButtonTypography { FontFamily = SystemFonts, TextTransform = "none", FontWeight = "600" },
        },
    };
}
