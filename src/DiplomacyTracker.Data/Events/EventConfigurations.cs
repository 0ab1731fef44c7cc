using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Participants;
using DiplomacyTracker.Data.Sources;
using DiplomacyTracker.Data.Topics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiplomacyTracker.Data.Events;

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> builder)
    {
        builder.ConfigureEditable();
        // Full-text, facet and count triggers (migration FilterIndexesInTimelineOrder); declared so EF avoids RETURNING.
        builder.ToTable(t =>
        {
            foreach (var trigger in DerivedTables.TriggersOn("Events"))
            {
                t.HasTrigger(trigger);
            }
        });
        builder.Property(e => e.Title).HasMaxLength(Event.TitleMaxLength).IsRequired();
        builder.Property(e => e.Summary).HasMaxLength(Event.SummaryMaxLength);
        builder.Property(e => e.DateNote).HasMaxLength(Event.DateNoteMaxLength);
        builder.ComplexProperty(e => e.Start);
        builder.ComplexProperty(e => e.End);
        builder.HasQueryFilter(e => !e.IsDeleted);

        // Timeline order and the year / type filters; IsDeleted included so a page (even a deep one) is read from the
        // index alone (docs/performance.md).
        builder.HasIndex(e => new { e.SortKey, e.Id, e.IsDeleted });
        builder.HasIndex(e => new { e.Type, e.SortKey, e.Id, e.IsDeleted });
        builder.HasIndex(e => e.IsDeleted);
        builder.Property(e => e.ExternalKey).HasMaxLength(Event.ExternalKeyMaxLength);
        // Unique across deleted events too: an undone import's keys stay taken, so its file is not imported twice
        // by accident (the undo is reversible from Recently deleted).
        builder.HasIndex(e => e.ExternalKey).IsUnique().HasFilter("\"ExternalKey\" IS NOT NULL");
        // No foreign key to Imports: adding one to an existing SQLite table means rebuilding Events (and losing its
        // full-text triggers); an import row is never deleted anyway.
        builder.HasIndex(e => e.ImportId);

        builder.HasMany(e => e.Legs).WithOne(l => l.Event).HasForeignKey(l => l.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Participants).WithOne(p => p.Event).HasForeignKey(p => p.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Statements).WithOne(s => s.Event).HasForeignKey(s => s.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Documents).WithOne(d => d.Event).HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Sources).WithMany(s => s.Events).UsingEntity("EventSources");
        builder.HasMany(e => e.Topics).WithMany().UsingEntity("EventTopics", j => j.ToTable(t =>
        {
            foreach (var trigger in DerivedTables.TriggersOn("EventTopics"))
            {
                t.HasTrigger(trigger);
            }
        }));
    }
}

internal sealed class EventLegConfiguration : IEntityTypeConfiguration<EventLeg>
{
    public void Configure(EntityTypeBuilder<EventLeg> builder)
    {
        // NOCASE: the venue filter is a case-insensitive equality that can use the indexes below.
        builder.Property(l => l.City).HasMaxLength(EventLeg.PlaceMaxLength).IsRequired().UseCollation("NOCASE");
        builder.Property(l => l.Country).HasMaxLength(EventLeg.PlaceMaxLength).IsRequired().UseCollation("NOCASE");
        builder.Property(l => l.Site).HasMaxLength(EventLeg.SiteMaxLength);
        builder.ComplexProperty(l => l.Start);
        builder.ComplexProperty(l => l.End);
        builder.ToTable(t =>
        {
            foreach (var trigger in DerivedTables.TriggersOn("EventLegs"))
            {
                t.HasTrigger(trigger);
            }
        });
        builder.HasQueryFilter(l => !l.Event!.IsDeleted);
        builder.HasIndex(l => l.City);
        builder.HasIndex(l => l.Country);
        builder.HasMany(l => l.Attendees).WithMany().UsingEntity(
            "LegAttendees",
            r => r.HasOne(typeof(Person)).WithMany().HasForeignKey("PersonId").OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne(typeof(EventLeg)).WithMany().HasForeignKey("LegId").OnDelete(DeleteBehavior.Cascade),
            j => j.ToTable(t =>
            {
                foreach (var trigger in DerivedTables.TriggersOn("LegAttendees"))
                {
                    t.HasTrigger(trigger);
                }
            }));
    }
}

internal sealed class EventParticipantConfiguration : IEntityTypeConfiguration<EventParticipant>
{
    public void Configure(EntityTypeBuilder<EventParticipant> builder)
    {
        builder.HasKey(p => new { p.EventId, p.PersonId });
        builder.ToTable(t =>
        {
            foreach (var trigger in DerivedTables.TriggersOn("EventParticipants"))
            {
                t.HasTrigger(trigger);
            }
        });
        builder.HasQueryFilter(p => !p.Event!.IsDeleted);
        builder.Property(p => p.Role).HasMaxLength(EventParticipant.RoleMaxLength);
        // "Events this person attended" and the Xi–Putin filter start from the person.
        builder.HasIndex(p => new { p.PersonId, p.EventId });
        builder.HasOne(p => p.Person).WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ConfigureEditable();
        builder.Property(p => p.Slug).HasMaxLength(Person.NameMaxLength).IsRequired();
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.NameEn).HasMaxLength(Person.NameMaxLength).IsRequired();
        builder.Property(p => p.NameZh).HasMaxLength(Person.NameMaxLength);
        builder.Property(p => p.NameRu).HasMaxLength(Person.NameMaxLength);
        builder.Property(p => p.Description).HasMaxLength(EventParticipant.RoleMaxLength);
        builder.HasIndex(p => p.NameEn);
    }
}

internal sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> builder)
    {
        builder.ConfigureEditable();
        builder.Property(s => s.Title).HasMaxLength(Source.TitleMaxLength).IsRequired();
        builder.Property(s => s.Outlet).HasMaxLength(Source.OutletMaxLength);
        builder.Property(s => s.ReportsFrom).HasMaxLength(Source.OutletMaxLength);
        builder.Property(s => s.Url).HasMaxLength(Source.UrlMaxLength);
        builder.Property(s => s.Text).HasMaxLength(Source.TextMaxLength);
        builder.Property(s => s.FileName).HasMaxLength(200);
        builder.Property(s => s.Notes).HasMaxLength(2000);
        builder.ComplexProperty(s => s.PublishedOn);
    }
}

internal sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> builder)
    {
        builder.Property(t => t.Slug).HasMaxLength(Topic.NameMaxLength).IsRequired();
        builder.Property(t => t.Name).HasMaxLength(Topic.NameMaxLength).IsRequired();
        builder.HasIndex(t => t.Slug).IsUnique();
    }
}
