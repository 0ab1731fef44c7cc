using DiplomacyTracker.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiplomacyTracker.Data.Documents;

internal sealed class SignedDocumentConfiguration : IEntityTypeConfiguration<SignedDocument>
{
    public void Configure(EntityTypeBuilder<SignedDocument> builder)
    {
        builder.ConfigureEditable();
        builder.Property(d => d.Title).HasMaxLength(SignedDocument.TitleMaxLength).IsRequired();
        builder.Property(d => d.Summary).HasMaxLength(SignedDocument.SummaryMaxLength);
        builder.HasOne(d => d.Source).WithMany().HasForeignKey(d => d.SourceId).OnDelete(DeleteBehavior.SetNull);
        builder.HasQueryFilter(d => !d.Event!.IsDeleted);
    }
}
