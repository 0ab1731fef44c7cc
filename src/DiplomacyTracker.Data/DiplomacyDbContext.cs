using DiplomacyTracker.Data.Auditing;
using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Documents;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Events.Importing;
using DiplomacyTracker.Data.Participants;
using DiplomacyTracker.Data.Places;
using DiplomacyTracker.Data.ScaleOut;
using DiplomacyTracker.Data.Sources;
using DiplomacyTracker.Data.Statements;
using DiplomacyTracker.Data.Topics;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Data;

/// <summary>
/// The app's one database: diplomatic data and the editors' Identity tables. Used through
/// IDbContextFactory, one short-lived context per operation (never one per Blazor circuit).
/// </summary>
public sealed class DiplomacyDbContext(DbContextOptions<DiplomacyDbContext> options) : IdentityDbContext<IdentityUser>(options), IDataProtectionKeyContext
{
    public DbSet<Event> Events => Set<Event>();

    public DbSet<EventLeg> EventLegs => Set<EventLeg>();

    public DbSet<EventParticipant> EventParticipants => Set<EventParticipant>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Statement> Statements => Set<Statement>();

    public DbSet<SignedDocument> Documents => Set<SignedDocument>();

    public DbSet<Source> Sources => Set<Source>();

    public DbSet<Topic> Topics => Set<Topic>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Place> Places => Set<Place>();

    public DbSet<Import> Imports => Set<Import>();

    public DbSet<EventFacet> EventFacets => Set<EventFacet>();

    public DbSet<FilterCount> FilterCounts => Set<FilterCount>();

    /// <summary>ASP.NET Core data-protection keys, shared by every app instance (sign-in cookies, antiforgery tokens).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<RecordStamp> RecordStamps => Set<RecordStamp>();

    public DbSet<RequestCounter> RequestCounters => Set<RequestCounter>();

    /// <summary>Clock for timestamps; tests may replace it.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DiplomacyDbContext).Assembly);
        if (Database.IsNpgsql())
        {
            AdaptToPostgreSql(builder);
        }
    }

    /// <summary>Name, for PostgreSQL, of the case-insensitive ICU collation that stands in for SQLite's NOCASE.</summary>
    public const string CaseInsensitiveCollation = "case_insensitive";

    // The configurations are written for SQLite, the default; the one model differs on PostgreSQL only where SQLite's
    // dialect is not PostgreSQL's. NOCASE becomes a nondeterministic ICU collation (equality, unique indexes and
    // GROUP BY ignore case, as on SQLite), and index filters quote the column names PostgreSQL would fold to lower case.
    private static void AdaptToPostgreSql(ModelBuilder builder)
    {
        builder.HasCollation(CaseInsensitiveCollation, locale: "und-u-ks-level2", provider: "icu", deterministic: false);
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties().Where(p => p.GetCollation() == "NOCASE"))
            {
                property.SetCollation(CaseInsensitiveCollation);
            }

            foreach (var index in entity.GetIndexes().Where(i => i.GetFilter() is { } filter && !filter.StartsWith('"')))
            {
                var filter = index.GetFilter()!;
                var column = filter[..filter.IndexOf(' ', StringComparison.Ordinal)];
                index.SetFilter($"\"{column}\"{filter[column.Length..]}");
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampEditableRows();
        RenewRecordStamp();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampEditableRows();
        RenewRecordStamp();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // Every save of an editable row renews its concurrency token, so a second editor holding the old one conflicts.
    private void StampEditableRows()
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        foreach (var entry in ChangeTracker.Entries<EditableEntity>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    if (entry.Entity.CreatedAt == default)
                    {
                        entry.Entity.CreatedAt = now;
                    }

                    entry.Entity.UpdatedAt = now;
                    break;
                case EntityState.Modified:
                    entry.Entity.UpdatedAt = now;
                    entry.Entity.Version = Guid.NewGuid();
                    break;
                default:
                    break;
            }
        }
    }

    // A change to the record renews the shared stamp in the same save (so in the writer's transaction), which is how
    // the other app instances learn that their cached reads are out of date. Sign-ins, keys and request counts are
    // not the record: they leave readers' caches alone.
    private void RenewRecordStamp()
    {
        if (!ChangeTracker.Entries().Any(e => (e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted) && IsRecord(e.Metadata)))
        {
            return;
        }

        var stamp = RecordStamps.Local.FirstOrDefault(s => s.Id == RecordStamp.TheRow) ?? Attach(new RecordStamp { Id = RecordStamp.TheRow }).Entity;
        Entry(stamp).Property(s => s.Stamp).CurrentValue = Guid.NewGuid();
        Entry(stamp).Property(s => s.Stamp).IsModified = true;
    }

    private static bool IsRecord(Microsoft.EntityFrameworkCore.Metadata.IEntityType type) =>
        type.HasSharedClrType // many-to-many join rows (an event's topics)
        || (type.ClrType.Assembly == typeof(DiplomacyDbContext).Assembly && type.ClrType != typeof(RecordStamp) && type.ClrType != typeof(RequestCounter));
}
