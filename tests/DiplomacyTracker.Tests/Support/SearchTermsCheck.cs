using DiplomacyTracker.Data;
using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Tests.Support;

/// <summary>SQLite: the words EventText indexes (title, summary, statements) that SearchTerms lacks; a prefix search would miss their events.</summary>
internal static class SearchTermsCheck
{
    public static async Task<List<string>> MissingAsync(DiplomacyDbContext db)
    {
        // The temporary vocabulary lives on one connection: keep it open for both statements.
        await db.Database.OpenConnectionAsync();
        try
        {
            await db.Database.ExecuteSqlRawAsync("CREATE VIRTUAL TABLE IF NOT EXISTS temp.CheckedTerms USING fts5vocab(main, 'EventText', 'col')");
            return await db.Database.SqlQueryRaw<string>(
                "SELECT term AS Value FROM temp.CheckedTerms WHERE col IN ('Title', 'Summary', 'Statements') EXCEPT SELECT Term FROM SearchTerms").ToListAsync();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
