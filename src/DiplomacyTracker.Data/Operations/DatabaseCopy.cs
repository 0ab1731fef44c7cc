using System.Buffers.Binary;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DiplomacyTracker.Data.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace DiplomacyTracker.Data.Operations;

/// <summary>One end of a copy: which database, and where.</summary>
public sealed record DatabaseLocation(DatabaseProvider Provider, string ConnectionString);

/// <summary>One table as copied: its rows, and a checksum of their values that both databases agreed on.</summary>
public sealed record TableCopy(string Table, long Rows, string Checksum);

/// <summary>What <see cref="DatabaseCopy.CopyAsync"/> did: a closed set.</summary>
public abstract record CopyResult
{
    private CopyResult()
    {
    }

    /// <summary>Every table copied, and the same rows and values read back from the target.</summary>
    public sealed record Copied(IReadOnlyList<TableCopy> Tables) : CopyResult;

    /// <summary>The source is not at the latest migration (start the app on it once, then copy).</summary>
    public sealed record SourceNotMigrated(IReadOnlyList<string> Pending) : CopyResult;

    /// <summary>The target already holds rows in these tables; nothing was written.</summary>
    public sealed record TargetNotEmpty(IReadOnlyList<string> Tables) : CopyResult;

    /// <summary>A table read back differently from what was written: the target's transaction was rolled back.</summary>
    public sealed record Mismatch(string Table, long SourceRows, long TargetRows, string SourceChecksum, string TargetChecksum) : CopyResult;
}

/// <summary>
/// Copies the whole record from one database to another, SQLite to PostgreSQL or back, so a team can start on the
/// embedded default and move up (or down) without losing anything. The target is migrated, must be empty, and is
/// written in one transaction: every table of the model in foreign-key order with its ids kept, the derived tables
/// (facets, counts, full text) rebuilt from it with their triggers off, identity sequences moved past the copied ids.
/// Before the commit each table is read back from the target and compared with the source: row count and an
/// order-independent checksum of every value (timestamps to the microsecond, PostgreSQL's precision). Any difference
/// rolls the target back. The source is only read, and should not be written to while the copy runs (stop the app).
/// </summary>
public static class DatabaseCopy
{
    private const int ParametersPerStatement = 30_000;

    // Derived from the record and rebuilt on the target, never copied.
    private static readonly HashSet<string> DerivedTableNames = ["EventFacets", "FilterCounts"];

    public static async Task<CopyResult> CopyAsync(DatabaseLocation from, DatabaseLocation to, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(logger);
        await using var source = Open(from);
        await using var target = Open(to);

        var pending = (await source.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            return new CopyResult.SourceNotMigrated(pending);
        }

        await target.Database.MigrateAsync(cancellationToken);
        var tables = TablesInOrder(target.Model);
        var occupied = new List<string>();
        foreach (var table in tables.Where(t => !SeededByMigrations(t)))
        {
            if (await CountAsync(target, table, cancellationToken) > 0)
            {
                occupied.Add(table.Name);
            }
        }

        if (occupied.Count > 0)
        {
            return new CopyResult.TargetNotEmpty(occupied);
        }

        await using var transaction = await target.Database.BeginTransactionAsync(cancellationToken);
        await DropTriggersAsync(target, cancellationToken);
        foreach (var table in tables.Where(SeededByMigrations))
        {
            // Rows the migrations put there (the record's stamp): the source's own take their place.
#pragma warning disable EF1002 // A table name from the model.
            await target.Database.ExecuteSqlRawAsync($"DELETE FROM {Quote(table.Name)};", cancellationToken);
#pragma warning restore EF1002
        }

        var copied = new List<TableCopy>();
        foreach (var table in tables)
        {
            var (rows, checksum) = await CopyTableAsync(source, target, table, cancellationToken);
            var (targetRows, targetChecksum) = await ChecksumAsync(target, table, cancellationToken);
            if (targetRows != rows || targetChecksum != checksum)
            {
                logger.LogError("Copy of {Table} read back {TargetRows} rows ({TargetChecksum}) for {SourceRows} ({SourceChecksum}); rolled back", table.Name, targetRows, targetChecksum, rows, checksum);
                return new CopyResult.Mismatch(table.Name, rows, targetRows, checksum, targetChecksum);
            }

            logger.LogInformation("Copied {Table}: {Rows} rows, checksum {Checksum}", table.Name, rows, checksum);
            copied.Add(new TableCopy(table.Name, rows, checksum));
        }

        await RebuildDerivedAsync(target, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CopyResult.Copied(copied);
    }

    /// <summary>Count and checksum of one table as <paramref name="db"/> holds it (the same for the same values on either provider).</summary>
    public static async Task<(long Rows, string Checksum)> ChecksumAsync(DiplomacyDbContext db, ITable table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(table);
        var columns = Columns(table);
        var sum = new RowSum();
        await foreach (var row in ReadAsync(db, table, columns, cancellationToken))
        {
            sum.Add(row);
        }

        return (sum.Rows, sum.ToString());
    }

    /// <summary>Every copied table of the model, parents before children.</summary>
    public static IReadOnlyList<ITable> TablesInOrder(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var tables = model.GetRelationalModel().Tables.Where(t => !DerivedTableNames.Contains(t.Name)).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var ordered = new List<ITable>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        while (ordered.Count < tables.Count)
        {
            var next = tables.First(t => !placed.Contains(t.Name)
                && t.ForeignKeyConstraints.All(fk => fk.PrincipalTable.Name == t.Name || placed.Contains(fk.PrincipalTable.Name) || DerivedTableNames.Contains(fk.PrincipalTable.Name)));
            ordered.Add(next);
            placed.Add(next.Name);
        }

        return ordered;
    }

    // The one table a migration puts a row in (HasData): the record's stamp.
    private static bool SeededByMigrations(ITable table) =>
        table.EntityTypeMappings.Any(m => m.TypeBase.ClrType == typeof(ScaleOut.RecordStamp));

    private static DiplomacyDbContext Open(DatabaseLocation location)
    {
        // No command timeout: rebuilding the full text of a million events is one statement of minutes.
        var connectionString = location.Provider == DatabaseProvider.PostgreSql
            ? new Npgsql.NpgsqlConnectionStringBuilder(location.ConnectionString) { CommandTimeout = 0 }.ToString()
            : location.ConnectionString;
        var options = new DbContextOptionsBuilder<DiplomacyDbContext>();
        DataServiceCollectionExtensions.UseDatabase(options, location.Provider, connectionString);
        var db = new DiplomacyDbContext(options.Options);
        db.Database.SetCommandTimeout(0);
        return db;
    }

    private static List<IColumn> Columns(ITable table) => table.Columns.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task<long> CountAsync(DiplomacyDbContext db, ITable table, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {Quote(table.Name)}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    // Each row as the model's CLR values (enums as their numbers), whatever the provider stores.
    private static async IAsyncEnumerable<object?[]> ReadAsync(DiplomacyDbContext db, ITable table, List<IColumn> columns, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => Quote(c.Name)))} FROM {Quote(table.Name)}";
        var readers = columns.Select(c => ValueReader(c)).ToList();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[columns.Count];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = await reader.IsDBNullAsync(i, cancellationToken) ? null : readers[i](reader, i);
            }

            yield return row;
        }
    }

    // Reads one column as its property's provider type, then through the property's converter (if any) to the model's.
    private static Func<DbDataReader, int, object?> ValueReader(IColumn column)
    {
        var mapping = column.PropertyMappings[0].TypeMapping;
        var providerType = Nullable.GetUnderlyingType(mapping.Converter?.ProviderClrType ?? mapping.ClrType) ?? mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        var converter = mapping.Converter;
        Func<DbDataReader, int, object?> read = providerType switch
        {
            _ when providerType == typeof(string) => (r, i) => r.GetString(i),
            _ when providerType == typeof(int) => (r, i) => r.GetFieldValue<int>(i),
            _ when providerType == typeof(long) => (r, i) => r.GetFieldValue<long>(i),
            _ when providerType == typeof(short) => (r, i) => r.GetFieldValue<short>(i),
            _ when providerType == typeof(bool) => (r, i) => r.GetFieldValue<bool>(i),
            _ when providerType == typeof(double) => (r, i) => r.GetFieldValue<double>(i),
            _ when providerType == typeof(decimal) => (r, i) => r.GetFieldValue<decimal>(i),
            _ when providerType == typeof(Guid) => (r, i) => r.GetFieldValue<Guid>(i),
            _ when providerType == typeof(DateTime) => (r, i) => DateTime.SpecifyKind(r.GetFieldValue<DateTime>(i), DateTimeKind.Utc),
            _ when providerType == typeof(DateTimeOffset) => (r, i) => r.GetFieldValue<DateTimeOffset>(i).ToUniversalTime(),
            _ when providerType == typeof(byte[]) => (r, i) => r.GetFieldValue<byte[]>(i),
            _ => throw new NotSupportedException($"Column {column.Table.Name}.{column.Name} is {providerType}, which copy-database does not know."),
        };
        return converter is null ? read : (r, i) => converter.ConvertFromProvider(read(r, i));
    }

    private static async Task<(long Rows, string Checksum)> CopyTableAsync(DiplomacyDbContext source, DiplomacyDbContext target, ITable table, CancellationToken cancellationToken)
    {
        var columns = Columns(table);
        // The target's own mapping writes each value as its provider stores it (a Guid as TEXT on SQLite, uuid on PostgreSQL).
        var targetTable = target.Model.GetRelationalModel().FindTable(table.Name, table.Schema)!;
        var mappings = columns.Select(c => targetTable.FindColumn(c.Name)!.PropertyMappings[0].TypeMapping).ToList();
        if (target.Database.IsNpgsql())
        {
            return await CopyIntoPostgreSqlAsync(source, target, table, columns, mappings, cancellationToken);
        }

        var batchRows = Math.Max(1, ParametersPerStatement / columns.Count);
        var sum = new RowSum();
        var batch = new List<object?[]>(batchRows);
        await foreach (var row in ReadAsync(source, table, columns, cancellationToken))
        {
            sum.Add(row);
            batch.Add(row);
            if (batch.Count == batchRows)
            {
                await InsertAsync(target, table, columns, mappings, batch, cancellationToken);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await InsertAsync(target, table, columns, mappings, batch, cancellationToken);
        }

        return (sum.Rows, sum.ToString());
    }

    // PostgreSQL takes rows fastest through binary COPY (no SQL text to parse, no parameters to bind). It runs inside
    // the target's transaction, like the INSERTs SQLite gets.
    private static async Task<(long Rows, string Checksum)> CopyIntoPostgreSqlAsync(DiplomacyDbContext source, DiplomacyDbContext target, ITable table, List<IColumn> columns, List<RelationalTypeMapping> mappings, CancellationToken cancellationToken)
    {
        var targetTable = target.Model.GetRelationalModel().FindTable(table.Name, table.Schema)!;
        // The column's type without its length ("character varying(200)" is written as "character varying").
        var typeNames = columns.Select(c => targetTable.FindColumn(c.Name)!.StoreType.Split('(')[0]).ToList();
        var connection = (Npgsql.NpgsqlConnection)target.Database.GetDbConnection();
        var sum = new RowSum();
        await using (var import = await connection.BeginBinaryImportAsync(
            $"COPY {Quote(table.Name)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            await foreach (var row in ReadAsync(source, table, columns, cancellationToken))
            {
                sum.Add(row);
                await import.StartRowAsync(cancellationToken);
                for (var c = 0; c < columns.Count; c++)
                {
                    var value = row[c] is null ? null : mappings[c].Converter is { } converter ? converter.ConvertToProvider(row[c]) : row[c];
                    if (value is null)
                    {
                        await import.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await import.WriteAsync(value, typeNames[c], cancellationToken);
                    }
                }
            }

            await import.CompleteAsync(cancellationToken);
        }

        return (sum.Rows, sum.ToString());
    }

    private static async Task InsertAsync(DiplomacyDbContext target, ITable table, List<IColumn> columns, List<RelationalTypeMapping> mappings, List<object?[]> rows, CancellationToken cancellationToken)
    {
        await using var command = target.Database.GetDbConnection().CreateCommand();
        command.Transaction = target.Database.CurrentTransaction!.GetDbTransaction();
        var sql = new StringBuilder($"INSERT INTO {Quote(table.Name)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) VALUES ");
        var n = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var name = "@p" + n.ToString(CultureInfo.InvariantCulture);
                n++;
                sql.Append(c == 0 ? name : ", " + name);
                command.Parameters.Add(mappings[c].CreateParameter(command, name, rows[r][c], nullable: true));
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task DropTriggersAsync(DiplomacyDbContext target, CancellationToken cancellationToken)
    {
        var drops = target.Database.IsNpgsql()
            ? PostgreSqlDerivedTables.Triggers.Select(t => $"DROP TRIGGER IF EXISTS {Quote(t.Name)} ON {Quote(t.Table)};")
            : DerivedTables.Triggers.Select(t => $"DROP TRIGGER IF EXISTS {Quote(t.Name)};");
        foreach (var drop in drops)
        {
            await target.Database.ExecuteSqlRawAsync(drop, cancellationToken);
        }
    }

    // The derived tables from the copied record, the triggers back, and (PostgreSQL) identities past the copied ids.
    private static async Task RebuildDerivedAsync(DiplomacyDbContext target, CancellationToken cancellationToken)
    {
        var postgres = target.Database.IsNpgsql();
        var steps = postgres
            ? [.. PostgreSqlDerivedTables.Rebuild, .. PostgreSqlDerivedTables.Triggers.Select(t => t.Sql)]
            : DerivedTables.Rebuild.Concat(DerivedTables.Triggers.Select(t => t.Sql)).ToList();
        foreach (var sql in steps)
        {
            await target.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        }

        if (!postgres)
        {
            return;
        }

        foreach (var table in TablesInOrder(target.Model))
        {
            foreach (var column in table.Columns.Where(c => c.PropertyMappings.Any(m => m.Property.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd && m.Property.IsPrimaryKey() && m.Property.ClrType == typeof(int))))
            {
                // Names from the model, not from outside; the sequence is looked up by them as parameters.
#pragma warning disable EF1002
                await target.Database.ExecuteSqlRawAsync(
                    $"SELECT setval(pg_get_serial_sequence({{0}}, {{1}}), coalesce((SELECT max({Quote(column.Name)}) FROM {Quote(table.Name)}), 0) + 1, false) WHERE pg_get_serial_sequence({{0}}, {{1}}) IS NOT NULL;",
                    [Quote(table.Name), column.Name],
                    cancellationToken);
#pragma warning restore EF1002
            }
        }
    }

    /// <summary>An order-independent checksum of rows: the sum of each row's SHA-256 (its first 16 bytes, as two 64-bit sums).</summary>
    private sealed class RowSum
    {
        private readonly StringBuilder text = new();
        private ulong high;
        private ulong low;

        public long Rows { get; private set; }

        public void Add(object?[] row)
        {
            text.Clear();
            foreach (var value in row)
            {
                text.Append(Canonical(value)).Append('\u001F');
            }

            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), hash);
            unchecked
            {
                high += BinaryPrimitives.ReadUInt64BigEndian(hash);
                low += BinaryPrimitives.ReadUInt64BigEndian(hash[8..]);
            }

            Rows++;
        }

        public override string ToString() => $"{high:x16}{low:x16}";

        // The same text for the same value from either provider; timestamps to the microsecond.
        private static string Canonical(object? value) => value switch
        {
            null => "\u0000",
            string s => s,
            bool b => b ? "1" : "0",
            Guid g => g.ToString("D"),
            DateTime d => (d.Ticks / 10).ToString(CultureInfo.InvariantCulture),
            DateTimeOffset o => (o.UtcTicks / 10).ToString(CultureInfo.InvariantCulture),
            byte[] bytes => Convert.ToBase64String(bytes),
            double x => x.ToString("R", CultureInfo.InvariantCulture),
            Enum e => Convert.ToInt64(e, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
    }
}
