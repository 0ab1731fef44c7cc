using DiplomacyTracker.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddDiplomacyLogging();
builder.AddDiplomacyServices();

var app = builder.Build();
await app.InitializeDatabaseAsync();
app.UseDiplomacyPipeline();
await app.RunAsync();

/// <summary>Entry point; public so WebApplicationFactory&lt;Program&gt; can host the app in tests.</summary>
public partial class Program;
