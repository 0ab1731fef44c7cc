using System.Net;
using System.Net.Http.Json;
using DiplomacyTracker.Testing;

namespace DiplomacyTracker.Tests.Hosting;

/// <summary>The live-circuits benchmark's memory reading: there only when the benchmark switches it on.</summary>
public sealed class BenchmarkDiagnosticsTests(DiplomacyAppFactory app) : IClassFixture<DiplomacyAppFactory>
{
    [Fact]
    public async Task Without_the_benchmark_setting_there_is_no_memory_endpoint()
    {
        // Nothing answers it: the request falls through to the pages, which refuse a post without an antiforgery token.
        var response = await app.CreateClient().PostAsync("/_benchmark/memory", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("heapBytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>The app on a loopback socket with the benchmark's memory endpoint on.</summary>
public sealed class BenchmarkApp : KestrelAppFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Benchmark:MemoryEndpoint"] = "true",
    };
}

public sealed class BenchmarkMemoryEndpointTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    [Fact]
    public async Task With_it_a_loopback_caller_gets_the_live_heap_and_rss_after_a_full_collection()
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var reading = await client.PostAsync("/_benchmark/memory", null);
        reading.EnsureSuccessStatusCode();
        var memory = await reading.Content.ReadFromJsonAsync<Reading>();
        Assert.NotNull(memory);
        Assert.InRange(memory.HeapBytes, 1_000_000, memory.RssBytes);
    }

    private sealed record Reading(long HeapBytes, long RssBytes, long CollectMilliseconds);
}
