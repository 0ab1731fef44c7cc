using DiplomacyTracker.Data.Auditing;
using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Documents;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Events.Importing;
using DiplomacyTracker.Data.Participants;
using DiplomacyTracker.Data.Places;
using DiplomacyTracker.Data.Sources;
using DiplomacyTracker.Data.Statements;
using DiplomacyTracker.Data.Topics;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DiplomacyTracker.Data;

/// <summary>
/// The app's one database: diplomatic data and the editors' Identity tables. Used through
/// IDbContextFactory, one short-lived context per operation (never one per Blazor circuit).
/// </summary>
public sealed class DiplomacyDbContext(DbContextOptions<DiplomacyDbContext> options) : IdentityDbContext<IdentityUser>(options)
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

    /// <summary>Clock for timestamps; tests may replace it.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DiplomacyDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampEditableRows();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampEditableRows();
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
}
