using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Data.Events;

/// <summary>
/// Where a search meets the database: the EventText table, the condition for a <see cref="TextQuery"/>, and the key
/// that orders its rows as the timeline (SortKey × <see cref="DerivedTables.OrderKeyFactor"/> + Id). SQLite keeps
/// EventText as an FTS5 table whose rowid is that key; PostgreSQL as a table keyed by it with a tsvector (GIN) and the
/// plain text (trigram GIN) beside it (<see cref="PostgreSqlDerivedTables"/>).
/// </summary>
internal sealed record TextSearch(string From, string Condition, string Key)
{
    /// <summary>The pieces of SQL for <paramref name="query"/>; its values are appended to <paramref name="arguments"/>.</summary>
    public static TextSearch For(DiplomacyDbContext db, TextQuery query, List<object> arguments)
    {
        if (db.Database.IsNpgsql())
        {
            return new TextSearch("\"EventText\" t", query.ToPostgreSql("t", arguments), "t.\"Key\"");
        }

        arguments.Add(query.Fts5);
        return new TextSearch("EventText", $"EventText MATCH {{{arguments.Count - 1}}}", "EventText.rowid");
    }

    /// <summary>The keys of the events <paramref name="query"/> matches.</summary>
    public static IQueryable<long> Keys(DiplomacyDbContext db, TextQuery query)
    {
        var arguments = new List<object>();
        var search = For(db, query, arguments);
        return db.Database.SqlQuery<long>(System.Runtime.CompilerServices.FormattableStringFactory.Create(
            $"SELECT {search.Key} AS \"Value\" FROM {search.From} WHERE {search.Condition}", [.. arguments]));
    }
}
