using DiplomacyTracker.Data;
using DiplomacyTracker.Testing;
using DiplomacyTracker.Tests.Editing;

namespace DiplomacyTracker.Tests.Operations;

/// <summary>The Backups page offers file backups on SQLite and, on PostgreSQL, says the server's tools do it instead.</summary>
public sealed class BackupsPageTests(EditingApp app) : IClassFixture<EditingApp>
{
    [Fact]
    public async Task An_editor_sees_file_backups_on_SQLite_and_a_pointer_to_pg_dump_on_PostgreSQL()
    {
        using var client = await app.SignedInClientAsync(EditingApp.AdminEmail, EditingApp.AdminPassword);
        var html = await client.GetStringAsync("/backups");

        Assert.Contains("<h1>Backups</h1>", html, StringComparison.Ordinal);
        if (DiplomacyAppFactory.Provider == DatabaseProvider.PostgreSql)
        {
            Assert.Contains("pg_dump", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Back up now", html, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("Back up now", html, StringComparison.Ordinal);
            Assert.DoesNotContain("pg_dump", html, StringComparison.Ordinal);
        }
    }
}
