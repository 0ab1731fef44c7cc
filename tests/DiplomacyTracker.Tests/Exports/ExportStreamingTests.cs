using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text;
using DiplomacyTracker.Data;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DiplomacyTracker.Tests.Exports;

/// <summary>
/// The export is written as it is read: with batches of two events, the first rows reach the client while the
/// server is still held before reading its second batch from the database.
/// </summary>
public sealed class ExportStreamingTests(ExportStreamingTests.App app) : IClassFixture<ExportStreamingTests.App>
{
    public sealed class App : DiplomacyAppFactory
    {
        public BatchGate Gate { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.ConfigureDbContext<DiplomacyDbContext>(options => options.AddInterceptors(Gate));
                services.AddSingleton(provider => new EventExports(provider.GetRequiredService<IDbContextFactory<DiplomacyDbContext>>(), provider.GetRequiredService<DiplomacyTracker.Data.Places.NameIndex>(), batchSize: 2));
            });
        }
    }

    /// <summary>Holds the second export batch's query until released, and says when it got there.</summary>
    public sealed class BatchGate : DbCommandInterceptor
    {
        private int batches;

        public TaskCompletionSource SecondBatchWaiting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Batches => Volatile.Read(ref batches);

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains(EventExports.BatchQueryTag, StringComparison.Ordinal) && Interlocked.Increment(ref batches) == 2)
            {
                SecondBatchWaiting.TrySetResult();
                await Release.Task.WaitAsync(cancellationToken);
            }

            return result;
        }
    }

    [Fact]
    public async Task First_rows_arrive_before_the_second_batch_is_read_and_the_rest_follows()
    {
        int total;
        await using (var db = app.CreateDbContext())
        {
            total = await db.Events.CountAsync();
        }

        Assert.True(total > 4, "The seed should have more events than two batches.");
        try
        {
            // Bounded so an export that buffers everything fails (the server never gets past the held batch) instead of
            // hanging the run; nothing here measures time.
            using var client = app.CreateClient();
            var bound = TimeSpan.FromSeconds(60);
            using var response = await client.GetAsync("/api/exports/events.csv", HttpCompletionOption.ResponseHeadersRead).WaitAsync(bound);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await using var body = await response.Content.ReadAsStreamAsync();
            using var reader = new StreamReader(body, Encoding.UTF8);

            var header = await reader.ReadLineAsync().WaitAsync(bound);
            var firstRow = await reader.ReadLineAsync().WaitAsync(bound);
            await app.Gate.SecondBatchWaiting.Task.WaitAsync(bound);

            Assert.StartsWith("id,external_key,title,", header, StringComparison.Ordinal);
            Assert.NotNull(firstRow);
            Assert.Equal(2, app.Gate.Batches);
            Assert.False(app.Gate.Release.Task.IsCompleted);

            app.Gate.Release.SetResult();
            var rest = await reader.ReadToEndAsync();
            var rows = ExportTests.ParseCsv(Encoding.UTF8.GetBytes(header + "\n" + firstRow + "\n" + rest));
            Assert.Equal(total, rows.Count);
            Assert.Equal(total, rows.Select(r => int.Parse(r["id"], CultureInfo.InvariantCulture)).Distinct().Count());
            Assert.True(app.Gate.Batches >= (total + 1) / 2, $"{total} events in batches of two, but only {app.Gate.Batches} batch queries ran.");
        }
        finally
        {
            // Never leave the server's request held if an assertion failed first.
            app.Gate.Release.TrySetResult();
        }
    }
}
