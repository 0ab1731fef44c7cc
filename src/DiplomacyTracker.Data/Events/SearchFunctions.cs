using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DiplomacyTracker.Data.Events;

/// <summary>
/// The SQL functions the full-text triggers call to index Chinese text (<see cref="ChineseText"/>): <c>cjk_bigrams(text)</c>
/// and <c>cjk_chars(text)</c>. SQLite triggers cannot call C# unless the function is registered on the connection, so
/// every connection that writes events or statements must have them: EF Core connections get them from
/// <see cref="Interceptor"/> (added in AddDiplomacyData), any other writer calls <see cref="Register"/> after opening.
/// A connection without them (the sqlite3 shell, say) fails to write to Events or Statements with "no such function"
/// rather than leaving the index out of step.
/// </summary>
public static class SearchFunctions
{
    public static DbConnectionInterceptor Interceptor { get; } = new Registration();

    public static void Register(SqliteConnection connection)
    {
        connection.CreateFunction<string?, string?>("cjk_bigrams", ChineseText.Bigrams, isDeterministic: true);
        connection.CreateFunction<string?, string?>("cjk_chars", ChineseText.Characters, isDeterministic: true);
    }

    private sealed class Registration : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => RegisterOn(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            RegisterOn(connection);
            return Task.CompletedTask;
        }

        private static void RegisterOn(DbConnection connection)
        {
            if (connection is SqliteConnection sqlite)
            {
                Register(sqlite);
            }
        }
    }
}
