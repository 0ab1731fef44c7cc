using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DiplomacyTracker.DataGenerator;

/// <summary>
/// One INSERT prepared once and run with positional values straight through SQLite's C API (SQLitePCLRaw, under
/// Microsoft.Data.Sqlite): for tens of millions of rows SqliteCommand's per-call work (parameter objects, type mapping,
/// a data reader per ExecuteNonQuery) cost more than SQLite's own insert. Runs inside whatever transaction the
/// connection has open.
/// </summary>
internal sealed class PreparedInsert : IDisposable
{
    private readonly sqlite3 database;
    private readonly sqlite3_stmt statement;
    private readonly int parameters;

    public PreparedInsert(SqliteConnection connection, string sql)
    {
        database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(database, sql, out statement));
        parameters = raw.sqlite3_bind_parameter_count(statement);
    }

    public void Run(object?[] values)
    {
        if (values.Length != parameters)
        {
            throw new InvalidOperationException($"{values.Length} values for {parameters} parameters in: {raw.sqlite3_sql(statement).utf8_to_string()}");
        }

        for (var i = 0; i < values.Length; i++)
        {
            var index = i + 1;
            Check(values[i] switch
            {
                null => raw.sqlite3_bind_null(statement, index),
                int n => raw.sqlite3_bind_int(statement, index, n),
                long n => raw.sqlite3_bind_int64(statement, index, n),
                bool b => raw.sqlite3_bind_int(statement, index, b ? 1 : 0),
                string text => raw.sqlite3_bind_text(statement, index, text),
                // As EF Core stores DateTime on SQLite.
                DateTime d => raw.sqlite3_bind_text(statement, index, d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
                var other => throw new InvalidOperationException($"No binding for {other.GetType()}."),
            });
        }

        var result = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (result != raw.SQLITE_DONE)
        {
            Check(result);
        }
    }

    public void Dispose() => statement.Dispose();

    private void Check(int result)
    {
        if (result is not raw.SQLITE_OK and not raw.SQLITE_DONE)
        {
            throw new SqliteException($"SQLite error {result}: {raw.sqlite3_errmsg(database).utf8_to_string()}", result);
        }
    }
}
