using System.Diagnostics;
using System.Net;

namespace DiplomacyTracker.Web.Hosting;

/// <summary>
/// <c>POST /_benchmark/memory</c>, only when <c>Benchmark:MemoryEndpoint</c> is true (the live-circuits benchmark,
/// tests/perf/circuits.mjs) and only from loopback: a full, blocking, compacting collection, then the live managed heap
/// and the RSS. dotnet-gcdump weighs the same heap but walks it with the app suspended: at 1,000 circuits that took
/// longer than SignalR's 30 s client timeout, and the server dropped the circuits it was measuring.
/// </summary>
internal static class BenchmarkDiagnostics
{
    public static void MapBenchmarkDiagnostics(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>("Benchmark:MemoryEndpoint"))
        {
            return;
        }

        app.MapPost("/_benchmark/memory", IResult (HttpContext context) =>
        {
            if (context.Connection.RemoteIpAddress is not { } address || !IPAddress.IsLoopback(address))
            {
                return TypedResults.NotFound();
            }

            var stopwatch = Stopwatch.StartNew();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            var heapBytes = GC.GetTotalMemory(forceFullCollection: false);
            using var process = Process.GetCurrentProcess();
            return TypedResults.Ok(new MemoryReading(heapBytes, process.WorkingSet64, stopwatch.ElapsedMilliseconds));
        }).ExcludeFromDescription();
    }

    private sealed record MemoryReading(long HeapBytes, long RssBytes, long CollectMilliseconds);
}
