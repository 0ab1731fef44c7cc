using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace DiplomacyTracker.Tests.Support;

/// <summary>
/// Everything a SQLite database holds, as text, table by table: the schema (every CREATE statement), every row of every
/// ordinary table in primary-key order, and for each FTS5 table every indexed token with its row, column and position
/// (through fts5vocab), since two equal full-text indexes can be stored in differently merged segments. Two databases
/// with the same contents answer every query alike.
/// </summary>
internal static class DatabaseContents
{
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        connection.Open();
        var contents = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var schema = Rows(connection, "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name").ToList();
        contents["(schema)"] = string.Join('\n', schema);
        contents["(journal mode)"] = string.Join('\n', Rows(connection, "PRAGMA journal_mode"));

        var tables = Rows(connection, "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .Select(row => row.Split('\t', 2))
            .ToList();
        var fullText = tables.Where(t => t[1].Contains("USING fts5(", StringComparison.OrdinalIgnoreCase)).Select(t => t[0]).ToHashSet(StringComparer.Ordinal);
        foreach (var name in fullText)
        {
            Execute(connection, $"CREATE VIRTUAL TABLE temp.\"vocab_{name}\" USING fts5vocab(main, \"{name}\", 'instance')");
            contents[name + " (tokens)"] = Join(Rows(connection, $"SELECT term, doc, col, offset FROM temp.\"vocab_{name}\" ORDER BY doc, col, offset, term"));
        }

        string[] shadows = ["_data", "_idx"];
        foreach (var name in tables.Select(t => t[0]).Where(n => !fullText.Contains(n)))
        {
            // How a full-text index is split into segments depends on the order of the inserts; its tokens are compared
            // above. Its per-row sizes (_docsize, used for ranking) and settings (_config) are compared as rows.
            if (shadows.Any(s => name.EndsWith(s, StringComparison.Ordinal) && fullText.Contains(name[..^s.Length])))
            {
                continue;
            }

            // A contentless_delete table's _docsize has an "origin" column: a counter of index writes, not content.
            var columns = Rows(connection, $"SELECT name FROM pragma_table_info('{name}')")
                .Where(c => !(c == "origin" && name.EndsWith("_docsize", StringComparison.Ordinal)))
                .ToList();
            var order = string.Join(", ", columns.Select(c => $"\"{c}\""));
            contents[name] = Join(Rows(connection, $"SELECT {order} FROM \"{name}\" ORDER BY {order}"));
        }

        return contents;
    }

    private static string Join(IEnumerable<string> rows)
    {
        var text = new StringBuilder();
        var count = 0;
        foreach (var row in rows)
        {
            text.Append(row).Append('\n');
            count++;
        }

        return count.ToString(CultureInfo.InvariantCulture) + " rows\n" + text;
    }

    private static IEnumerable<string> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new string[reader.FieldCount];
        while (reader.Read())
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.GetValue(i) switch
                {
                    DBNull => "NULL",
                    byte[] bytes => Convert.ToHexString(bytes),
                    var value => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
                };
            }

            yield return string.Join('\t', values);
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
