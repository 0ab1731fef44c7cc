using DiplomacyTracker.Data;
using Xunit;

namespace DiplomacyTracker.Testing;

/// <summary>
/// A test of something only the SQLite deployment has (the database file, its backups, the generator's bulk load,
/// SQLite's query plans): skipped, with its reason, when the suite runs on PostgreSQL.
/// </summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute(string why)
    {
        if (DiplomacyAppFactory.Provider != DatabaseProvider.Sqlite)
        {
            Skip = "SQLite only: " + why;
        }
    }
}

/// <inheritdoc cref="SqliteFactAttribute"/>
public sealed class SqliteTheoryAttribute : TheoryAttribute
{
    public SqliteTheoryAttribute(string why)
    {
        if (DiplomacyAppFactory.Provider != DatabaseProvider.Sqlite)
        {
            Skip = "SQLite only: " + why;
        }
    }
}
