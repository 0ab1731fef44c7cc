using System.Diagnostics;

namespace DiplomacyTracker.Web.Hosting;

/// <summary>One log line per HTTP request: method, path, status and elapsed milliseconds (no query string, no bodies).</summary>
internal sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var status = context.Response.StatusCode;
            var level = status >= 500 ? LogLevel.Error : LogLevel.Information;
            logger.Log(level, "HTTP {Method} {Path} responded {StatusCode} in {Elapsed:0.0} ms", context.Request.Method, context.Request.Path.Value, status, elapsed);
        }
    }
}
