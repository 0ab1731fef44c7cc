using DiplomacyTracker.Data;
using DiplomacyTracker.Web.Features.Account;
using DiplomacyTracker.Web.Features.Editing;
using DiplomacyTracker.Web.Features.Importing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace DiplomacyTracker.Web.Hosting;

/// <summary>
/// Editors: ASP.NET Core Identity on the app's SQLite database with a cookie, an "Editor" role and policy, API keys
/// for automation (write API only), a rate-limited sign-in (<see cref="SignInRateLimit"/>), and the first editor
/// account from configuration.
/// </summary>
internal static class EditingSetup
{
    public const string EditorRole = "Editor";
    public const string EditorPolicy = "Editor";

    /// <summary>Policy for the write API: the editor cookie or an API key, checked against the database.</summary>
    public const string ApiEditorPolicy = "ApiEditor";

    /// <summary>Policy for writes from a circuit: an editor per the database at the moment of the write.</summary>
    public const string CurrentEditorPolicy = "CurrentEditor";
    public const string ApiScheme = "EditorApi";
    public const string ApplicationName = "DiplomacyTracker";
    public const string AuthCookieName = "DiplomacyTracker.Auth";

    public static void AddDiplomacyEditing(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddIdentityCookies();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(ApiScheme, "Editor cookie or API key", options =>
                options.ForwardDefaultSelector = context => context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme);
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = AuthCookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the request is HTTPS, including HTTPS ended at a known reverse proxy (SecuritySetup).
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromDays(14);
            // The API answers 401/403 instead of redirecting to the sign-in page.
            options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });
        services.AddIdentityCore<IdentityUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Length over composition rules (NIST SP 800-63B): long passphrases, no forced symbols or digits.
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                options.Lockout.MaxFailedAccessAttempts = 10;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<DiplomacyDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        // EditorPolicy shows editor pages and tools (claims only: cheap, checked on every render); the two write
        // policies also check the database (CurrentEditorHandler), so a cookie or circuit that outlived its editor
        // cannot write.
        services.AddAuthorizationBuilder()
            .AddPolicy(EditorPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(EditorRole))
            .AddPolicy(CurrentEditorPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(EditorRole).AddRequirements(new CurrentEditorRequirement()))
            .AddPolicy(ApiEditorPolicy, policy => policy.AddAuthenticationSchemes(ApiScheme).RequireAuthenticatedUser().RequireRole(EditorRole)
                .AddRequirements(new CurrentEditorRequirement()));
        services.AddSingleton<IAuthorizationHandler, CurrentEditorHandler>();

        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        // Keys in the shared database, under one application name, so a sign-in cookie or antiforgery token issued by
        // one app instance is read by every other one, and all survive restarts. Keys that older versions kept in
        // keys/ beside the database file are copied in on startup (FileKeysImport).
        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<DiplomacyDbContext>();

        // Open circuits drop a user whose security stamp changed; EditorGate re-checks the role on every write.
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddScoped<EditorGate>();
        services.AddScoped<BrowserDraftStore>();
    }

    /// <summary>Creates the Editor role, and the admin editor from Admin:Email / Admin:Password when configured.</summary>
    public static async Task InitializeEditorsAsync(this WebApplication app)
    {
        // Two processes starting on one database (or the test hosts) may race to create the same rows: retry.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await EnsureEditorsAsync(app.Services);
                return;
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateException) when (attempt < 3)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
        }
    }

    private static async Task EnsureEditorsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var configuration = scope.ServiceProvider.GetRequiredService<IConfiguration>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("DiplomacyTracker.Editors");
        if (!await roles.RoleExistsAsync(EditorRole))
        {
            await roles.CreateAsync(new IdentityRole(EditorRole));
        }

        var email = configuration["Admin:Email"];
        var password = configuration["Admin:Password"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return;
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                logger.LogError("Could not create the admin editor {Email}: {Errors}", email, string.Join("; ", created.Errors.Select(e => e.Description)));
                return;
            }

            logger.LogInformation("Created the admin editor {Email}", email);
        }

        if (!await users.IsInRoleAsync(user, EditorRole))
        {
            await users.AddToRoleAsync(user, EditorRole);
        }
    }

    /// <summary>Authentication, authorization, the sign-in rate limit, account endpoints and the write API.</summary>
    public static void UseDiplomacyEditing(this WebApplication app)
    {
        // The API answers with problem details, and a refused form post (bad antiforgery token, rate limit) with
        // its own status: re-executing them as the HTML "not found" page would re-run a POST through the pipeline.
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api") || (context.Request.Path.StartsWithSegments("/account") && !HttpMethods.IsGet(context.Request.Method)))
            {
                context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>()?.Enabled = false;
            }

            return next(context);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapAccountEndpoints();
        app.MapEventWriteApi();
        app.MapImportApi();
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return context.Response.WriteAsJsonAsync(
                new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = status == StatusCodes.Status401Unauthorized ? "Sign in as an editor or send an API key" : "Editors only" },
                options: null,
                contentType: "application/problem+json");
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
