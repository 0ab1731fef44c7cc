using DiplomacyTracker.Web.Hosting;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // The app's own folder, wherever it is started from (a service manager starts it anywhere), so it finds its
    // appsettings.json; --contentRoot or ASPNETCORE_CONTENTROOT still choose another.
    ContentRootPath = AppPaths.ContentRootUnlessConfigured(args),
});
builder.AddDiplomacyLogging();
builder.AddDiplomacyServices();

var app = builder.Build();
if (await app.RunMaintenanceCommandAsync(args))
{
    return;
}

app.UseDiplomacyPipeline();
var pageEndpoints = app.BuildPageEndpointsAheadAsync();
await app.InitializeDatabaseAsync();
await pageEndpoints;
await app.RunAsync();

/// <summary>Entry point; public so WebApplicationFactory&lt;Program&gt; can host the app in tests.</summary>
public partial class Program;
