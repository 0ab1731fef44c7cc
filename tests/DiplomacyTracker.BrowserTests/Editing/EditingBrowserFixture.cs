using Microsoft.Playwright;

namespace DiplomacyTracker.BrowserTests.Editing;

/// <summary>The browser fixture with an admin editor configured.</summary>
public class EditingBrowserFixture : BrowserFixture
{
    public const string AdminEmail = "admin@example.org";
    public const string AdminPassword = "correct horse battery";

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Admin:Email"] = AdminEmail,
        ["Admin:Password"] = AdminPassword,
        // Every test signs in from 127.0.0.1; the per-address limit is tested in the integration tests.
        ["Editing:SignInAttemptsPerMinute"] = "1000",
    };

    public static async Task SignInAsync(IPage page, string returnUrl = "/")
    {
        await page.GotoAsync("/account/sign-in?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.GetByLabel("Email").FillAsync(AdminEmail);
        await page.GetByLabel("Password").FillAsync(AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
    }
}
