using System.Collections.Concurrent;
using System.Data.Common;
using DiplomacyTracker.Data;
using DiplomacyTracker.Data.Events.Editing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DiplomacyTracker.Tests.Editing;

/// <summary>The editing app with every SQL command it runs written down.</summary>
public sealed class CommandCountingApp : EditingApp
{
    public SqlLog Sql { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureDbContext<DiplomacyDbContext>(options => options.AddInterceptors(Sql)));
    }

    public sealed class SqlLog : DbCommandInterceptor
    {
        public ConcurrentQueue<string> Commands { get; } = new();

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Commands.Enqueue(command.CommandText);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }
}

public sealed class SlugAllocationTests(CommandCountingApp app) : IClassFixture<CommandCountingApp>
{
    [Fact]
    public async Task A_new_person_with_many_namesakes_gets_the_next_free_slug_in_one_query()
    {
        for (var i = 0; i < 12; i++)
        {
            Assert.IsType<EventCommandResult.Saved>(await app.Commands.CreateAsync(await DraftWithNewPersonAsync(2070 + i), EditingApp.AdminEmail));
        }

        var draft = await DraftWithNewPersonAsync(2090);
        app.Sql.Commands.Clear();
        Assert.IsType<EventCommandResult.Saved>(await app.Commands.CreateAsync(draft, EditingApp.AdminEmail));

        var slugQueries = app.Sql.Commands.Count(c => System.Text.RegularExpressions.Regex.IsMatch(c, "WHERE[^;]*\"Slug\"", System.Text.RegularExpressions.RegexOptions.Singleline) && c.Contains("FROM \"People\"", StringComparison.Ordinal));
        Assert.True(slugQueries == 1, string.Join("\n----\n", app.Sql.Commands.Where(c => c.Contains("FROM \"People\"", StringComparison.Ordinal))));
        await using var db = app.CreateDbContext();
        var slugs = await db.People.Where(p => p.NameEn == "Li Wei").Select(p => p.Slug).ToListAsync();
        Assert.Equal(13, slugs.Count);
        Assert.Contains("li-wei", slugs);
        Assert.Contains("li-wei-13", slugs);
        Assert.Equal(slugs.Count, slugs.Distinct().Count());
    }

    private async Task<EventDraft> DraftWithNewPersonAsync(int year)
    {
        var draft = await app.ValidDraftAsync($"Visit with a Li Wei, {year}", year);
        draft.IgnoreDuplicates = true;
        draft.Participants.Add(new ParticipantDraft { Key = "li", NewNameEn = "Li Wei", Role = "Vice Minister" });
        return draft;
    }
}
