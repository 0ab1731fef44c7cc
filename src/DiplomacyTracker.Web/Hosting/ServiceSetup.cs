using System.Text.Json.Serialization;
using DiplomacyTracker.Data;
using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Seeding;
using DiplomacyTracker.Web.Components;
using DiplomacyTracker.Web.Features.Events;
using DiplomacyTracker.Web.Features.Exports;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using MudBlazor.Services;

namespace DiplomacyTracker.Web.Hosting;

internal static class ServiceSetup
{
    public static void AddDiplomacyServices(this WebApplicationBuilder builder)
    {
        // Serve package assets (MudBlazor's styles and script) from the build output in every environment, not only
        // Development: tests run as "Testing" and people may run `dotnet run` as Production. Published apps carry copies.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddRazorComponents()
            .AddInteractiveServerComponents(options => options.DetailedErrors = builder.Environment.IsDevelopment())
            // The browser sends the prerendered pages' persisted state back in its first circuit message: a page of 50
            // events with the filter options is ~170 KB, far over SignalR's 32 KB default, which closes the circuit
            // ("maximum message size exceeded") so the timeline never becomes interactive. See docs/performance.md.
            .AddHubOptions(options => options.MaximumReceiveMessageSize = 512 * 1024);
        services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomLeft;
            options.SnackbarConfiguration.VisibleStateDuration = 6000;
            options.SnackbarConfiguration.ShowCloseIcon = true;
        });

        builder.AddDiplomacySecurity();
        services.AddDiplomacyCompression();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.ProblemDetails.Status == StatusCodes.Status503ServiceUnavailable)
            {
                context.ProblemDetails.Detail = "The database did not answer in time. Try again in a moment, or narrow the request (a longer search word, a filter).";
                context.HttpContext.Response.Headers.RetryAfter = "5";
            }
        });

        services.AddSingleton(provider =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            var connectionString = configuration.GetConnectionString("Diplomacy") is { Length: > 0 } configured
                ? configured
                : AppPaths.DefaultConnectionString;
            var seedDirectory = configuration["Seed:Directory"] is { Length: > 0 } seed ? seed : AppPaths.DataDirectory;
            // Off by default: parameter values are what readers searched for and what editors typed. The benchmark
            // turns it on to replay the app's exact SQL in sqlite3 (tests/perf/sql-floor.py).
            var logParameterValues = configuration.GetValue<bool>("Database:LogParameterValues");
            var cacheReads = configuration.GetValue("Database:CacheReads", true);
            // Database:Provider = PostgreSQL puts the record on a PostgreSQL server (ConnectionStrings:Diplomacy then
            // names it); anything else, or nothing, is the embedded SQLite file.
            var database = configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
            if (database == DatabaseProvider.PostgreSql && configuration.GetConnectionString("Diplomacy") is not { Length: > 0 })
            {
                throw new InvalidOperationException("Database:Provider is PostgreSQL but ConnectionStrings:Diplomacy is empty: give the server, database, user and password.");
            }

            return new DiplomacyDataOptions(connectionString, seedDirectory, logParameterValues, cacheReads, database);
        });
        services.AddDiplomacyData();
        services.AddSingleton<DiplomacyTracker.Web.Features.Timeline.EventMarkup>();
        services.AddSingleton<FirstPageWarmUp>();
        services.AddHostedService(provider => provider.GetRequiredService<FirstPageWarmUp>());
        builder.AddDiplomacyBackups();
        builder.AddDiplomacyEditing();

        services.AddHealthChecks().AddDbContextCheck<DiplomacyDbContext>(
            "database",
            customTestQuery: async (db, cancellationToken) =>
            {
                // Reachable means the schema answers, not just that a file can be opened (SQLite creates missing files).
                _ = await db.Topics.AnyAsync(cancellationToken);
                return true;
            });
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    // A database that did not answer in time is "try again" (503), not a fault of the app.
    private static int ClientErrorOr500(Exception exception) =>
        exception is BadHttpRequestException bad ? bad.StatusCode
        : DatabaseUnavailable.Is(exception) ? StatusCodes.Status503ServiceUnavailable
        : StatusCodes.Status500InternalServerError;

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
        await app.ImportFileKeysAsync();
        await app.InitializeEditorsAsync();
    }

    public static void UseDiplomacyPipeline(this WebApplication app)
    {
        app.UseDiplomacySecurity();
        app.UseDiplomacyRequestLogging();
        app.UseDiplomacyCompression();
        if (!app.Environment.IsDevelopment())
        {
            // API callers get RFC 7807 problem details; people get the friendly error page.
            // A request Kestrel could not read (too large, broken chunking, truncated) is the client's fault: its 4xx.
            app.UseWhen(IsApi, api => api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = ClientErrorOr500 }));
            app.UseWhen(context => !IsApi(context), pages => pages.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error",
                CreateScopeForErrors = true,
                StatusCodeSelector = ClientErrorOr500,
            }));
        }

        // Addresses nothing answers get the "not found" page (pages call NavigationManager.NotFound() for a missing
        // event, which renders the same page).
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseDiplomacyEditing();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapHealthChecks("/health");
        app.MapBenchmarkDiagnostics();
        app.MapOpenApi();
        app.MapEventReadApi();
        app.MapExports();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }

    /// <summary>
    /// Builds the pages' endpoints (found by reflection over every component, with the circuit hub's) on the other
    /// core while the database is brought up; the server's start otherwise builds them after it (docs/performance.md,
    /// cold start). Their data source keeps them (the minimal APIs' sources build theirs again on every read, so they
    /// are left to the server). Awaited before the server starts, which then takes the finished list; a failure is
    /// logged and the server builds them itself.
    /// </summary>
    public static Task BuildPageEndpointsAheadAsync(this WebApplication app)
    {
        var pages = ((IEndpointRouteBuilder)app).DataSources.Where(IsRazorComponents).ToList();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ServiceSetup));
        return Task.Run(() =>
        {
            try
            {
                _ = pages.Sum(source => source.Endpoints.Count);
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Building the pages' endpoints ahead of the server's start failed; the server builds them itself");
            }
        });
    }

    // ASP.NET Core's data source of the Razor components' endpoints (its type is internal).
    private static bool IsRazorComponents(EndpointDataSource source) =>
        source.GetType().Name.StartsWith("RazorComponentEndpointDataSource", StringComparison.Ordinal);
}
