using Microsoft.Data.Sqlite;
using Npgsql;

namespace DiplomacyTracker.Data.Common;

/// <summary>
/// Whether a failure is the database not answering in time rather than a fault in the request or the app: a command
/// that timed out (a search for one Chinese character over a million events on PostgreSQL), a transient PostgreSQL
/// failure the retries gave up on, or SQLite busy or locked past its wait. The web app answers these with 503
/// ("try again"), not 500.
/// </summary>
public static class DatabaseUnavailable
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool Is(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is TimeoutException or NpgsqlException { IsTransient: true } or SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked })
            {
                return true;
            }
        }

        return false;
    }
}
