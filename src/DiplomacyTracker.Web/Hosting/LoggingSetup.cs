using Serilog;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace DiplomacyTracker.Web.Hosting;

internal static class LoggingSetup
{
    /// <summary>
    /// Serilog (Serilog.AspNetCore) for every log: structured console output and a daily rolling JSON file in
    /// <c>Logging:Directory</c>. Levels and per-namespace overrides come from the "Serilog" configuration section, read
    /// when the host is built, so configuration added late (tests, environment) is honoured.
    /// </summary>
    public static void AddDiplomacyLogging(this WebApplicationBuilder builder) =>
        builder.Host.UseSerilog((context, services, logger) =>
        {
            var logDirectory = context.Configuration["Logging:Directory"] is { Length: > 0 } configured ? configured : AppPaths.LogDirectory;
            logger
                .ReadFrom.Configuration(context.Configuration)
                .Enrich.FromLogContext()
                .Enrich.WithProperty("Application", "DiplomacyTracker")
                .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}")
                .WriteTo.File(
                    new JsonFormatter(renderMessage: true),
                    Path.Combine(logDirectory, "diplomacy-.json"),
                    rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: 14);
        },
        // Each host logs through its own logger, never the process-wide Log.Logger: test hosts run side by side, and
        // with the static logger they would write into each other's files (and close each other's on shutdown).
        preserveStaticLogger: true);

    /// <summary>
    /// One line per HTTP request: method, path (never the query string, which may carry search words), status and
    /// elapsed milliseconds; 5xx and unhandled exceptions as errors. Outermost, so it sees the final status code.
    /// </summary>
    public static void UseDiplomacyRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(options =>
        {
            // This host's logger (the middleware would otherwise use the static one; see preserveStaticLogger).
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.IncludeQueryInRequestPath = false;
            options.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error : LogEventLevel.Information;
        });
}
