using Serilog;
using Serilog.Extensions.Logging;
using Serilog.Formatting.Json;

namespace DiplomacyTracker.Web.Hosting;

internal static class LoggingSetup
{
    /// <summary>
    /// Serilog behind Microsoft.Extensions.Logging: structured console output and a daily rolling JSON file.
    /// Levels come from the "Serilog" configuration section. Built when the host first logs, so configuration
    /// added late (tests, environment) is honoured.
    /// </summary>
    public static void AddDiplomacyLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        // Serilog's own minimum levels decide; don't filter before it.
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddSingleton<ILoggerProvider>(provider =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            var logDirectory = configuration["Logging:Directory"] is { Length: > 0 } configured ? configured : AppPaths.LogDirectory;
            var logger = new LoggerConfiguration()
                .ReadFrom.Configuration(configuration)
                .Enrich.FromLogContext()
                .Enrich.WithProperty("Application", "DiplomacyTracker")
                .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}")
                .WriteTo.File(
                    new JsonFormatter(renderMessage: true),
                    Path.Combine(logDirectory, "diplomacy-.json"),
                    rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: 14)
                .CreateLogger();
            return new SerilogLoggerProvider(logger, dispose: true);
        });
    }
}
