namespace DiplomacyTracker.Web.Components.Layout;

/// <summary>The reader's light/dark choice, kept in a cookie so the server renders the right theme before any script runs.</summary>
public sealed record ThemePreference(string? Choice)
{
    public const string CookieName = "DiplomacyTrackerTheme";
    public const string Light = "light";
    public const string Dark = "dark";

    /// <summary>True or false when the reader chose; null to follow the system's setting.</summary>
    public bool? IsDark => Choice switch
    {
        Dark => true,
        Light => false,
        _ => null,
    };

    public static string? FromCookie(string? value) => value is Light or Dark ? value : null;
}
