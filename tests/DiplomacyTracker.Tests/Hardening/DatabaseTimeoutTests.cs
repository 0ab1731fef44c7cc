using System.Data.Common;
using System.Net;
using System.Text.Json;
using DiplomacyTracker.Data;
using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DiplomacyTracker.Tests.Hardening;

/// <summary>The app whose full-text reads time out, as a single Chinese character's search does on PostgreSQL at a million events.</summary>
public sealed class SlowSearchApp : DiplomacyAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureDbContext<DiplomacyDbContext>(options => options.AddInterceptors(new SearchTimesOut())));
    }

    private sealed class SearchTimesOut : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            command.CommandText.Contains("EventText", StringComparison.Ordinal)
                ? throw new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", new TimeoutException("Timeout during reading attempt"))
                : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}

/// <summary>A database that does not answer in time is "try again" (503 with problem details, or the error page), never a 500.</summary>
public sealed class DatabaseTimeoutTests(SlowSearchApp app) : IClassFixture<SlowSearchApp>
{
    [Theory]
    [MemberData(nameof(Failures))]
    public void Timeouts_busy_databases_and_transient_failures_are_unavailability_and_other_faults_are_not(Exception failure, bool unavailable) =>
        Assert.Equal(unavailable, DatabaseUnavailable.Is(failure));

    public static TheoryData<Exception, bool> Failures() => new()
    {
        { new InvalidOperationException("transient", new NpgsqlException("read", new TimeoutException())), true },
        { new NpgsqlException("connection lost", new IOException("reset")), true },
        { new SqliteException("database is locked", 5), true },
        { new SqliteException("database table is locked", 6), true },
        { new SqliteException("constraint failed", 19), false },
        { new InvalidOperationException("a bug"), false },
    };

    [Fact]
    public async Task A_search_the_database_cannot_answer_in_time_is_a_503_with_problem_details_and_a_retry_hint()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/api/events?q=%E4%BA%AC");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("5", response.Headers.GetValues("Retry-After").Single());
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("did not answer in time", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // The rest of the API still answers.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/events?venue=Beijing")).StatusCode);
    }

    [Fact]
    public async Task The_timeline_with_such_a_search_says_so_and_answers_503()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/?q=%E4%BA%AC");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("The database did not answer in time", html, StringComparison.Ordinal);
        Assert.Contains("try again in a moment", html, StringComparison.Ordinal);
    }
}
