using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Topics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiplomacyTracker.Data.Statements;

internal sealed class StatementConfiguration : IEntityTypeConfiguration<Statement>
{
    public void Configure(EntityTypeBuilder<Statement> builder)
    {
        builder.ConfigureEditable();
        builder.ToTable(t =>
        {
            foreach (var trigger in Events.DerivedTables.TriggersOn("Statements"))
            {
                t.HasTrigger(trigger);
            }
        });
        builder.Property(s => s.Text).HasMaxLength(Statement.TextMaxLength).IsRequired();
        builder.Property(s => s.Attribution).HasMaxLength(Statement.AttributionMaxLength);
        builder.HasOne(s => s.Speaker).WithMany().HasForeignKey(s => s.SpeakerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Source).WithMany().HasForeignKey(s => s.SourceId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(s => new { s.SpeakerId, s.EventId });
        builder.HasMany(s => s.Topics).WithMany().UsingEntity("StatementTopics");
        // Statements of a soft-deleted event disappear with it.
        builder.HasQueryFilter(s => !s.Event!.IsDeleted);
    }
}
