using DiplomacyTracker.Data;
using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Tests.Support;

/// <summary>
/// Many made-up events written the way any other program would: plain SQL, in the caller's transaction, the triggers
/// keeping the facets, counts and full text. Titles are "<c>prefix i</c>" (i from 1), dated in January of
/// <c>year</c>, day 1 + (i − 1) mod 28, so the first 28 are in title order on the timeline.
/// </summary>
internal static class PlainSqlEvents
{
    public static async Task InsertAsync(DiplomacyDbContext db, string titlePrefix, int count, int year, string summary, string? legCity = null)
    {
        // Each database's own spelling of false, a new version token and a timestamp; the rest are the test's constants.
        var (no, version, at) = db.Database.IsNpgsql()
            ? ("false", "gen_random_uuid()", "TIMESTAMPTZ '2026-12-01 00:00:00+00'")
            : ("0", "lower(hex(randomblob(16)))", "'2026-12-01'");
#pragma warning disable EF1002 // constants only, nothing from outside
        await db.Database.ExecuteSqlRawAsync($"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})
            INSERT INTO "Events" ("Title", "Type", "Status", "SortKey", "Summary", "HostSide", "IsMentionedOnly", "IsDeleted",
                "Start_Year", "Start_Month", "Start_Day", "Start_Precision", "Start_IsApproximate", "End_Precision", "End_IsApproximate", "Version", "CreatedAt", "UpdatedAt")
            SELECT '{titlePrefix} ' || i, 5, 0, {(year * 10000) + 101} + (i - 1) % 28, '{summary}', 0, {no}, {no}, {year}, 1, 1 + (i - 1) % 28, 3, {no}, 0, {no}, {version}, {at}, {at} FROM n;
            """);
        if (legCity is not null)
        {
            await db.Database.ExecuteSqlRawAsync($"""
                INSERT INTO "EventLegs" ("EventId", "Position", "City", "Country", "Start_Precision", "Start_IsApproximate", "End_Precision", "End_IsApproximate")
                SELECT "Id", 0, '{legCity}', 'Russia', 0, {no}, 0, {no} FROM "Events" WHERE "Title" LIKE '{titlePrefix} %';
                """);
        }
#pragma warning restore EF1002
    }
}
