using DiplomacyTracker.Web.Components.Layout;
using DiplomacyTracker.Web.Features.Errors;

namespace DiplomacyTracker.ComponentTests.Shell;

public sealed class NotFoundAndThemeTests
{
    [Theory]
    [InlineData("events/4242", "Event not found", "There is no event number 4242. It may have been deleted.")]
    [InlineData("participants/nobody?x=1", "Participant not found", "Nobody in the record goes by this address.")]
    [InlineData("sources/77#top", "Source not found", "There is no source number 77.")]
    [InlineData("no/such/page", "Page not found", "There is nothing at this address. It may have been deleted or mistyped.")]
    public void The_not_found_page_says_what_was_missing(string path, string heading, string explanation)
    {
        var missing = NotFoundPage.Missing.For(path);
        Assert.Equal((heading, explanation), (missing.Heading, missing.Explanation));
    }

    [Theory]
    [InlineData("dark", true)]
    [InlineData("light", false)]
    [InlineData(null, null)]
    [InlineData("purple", null)]
    public void Only_a_known_theme_choice_is_taken_from_the_cookie(string? cookie, bool? dark) =>
        Assert.Equal(dark, new ThemePreference(ThemePreference.FromCookie(cookie)).IsDark);
}
