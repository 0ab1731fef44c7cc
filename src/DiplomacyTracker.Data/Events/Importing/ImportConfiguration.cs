using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiplomacyTracker.Data.Events.Importing;

internal sealed class ImportConfiguration : IEntityTypeConfiguration<Import>
{
    public void Configure(EntityTypeBuilder<Import> builder)
    {
        builder.Property(i => i.UserName).HasMaxLength(256).IsRequired();
        builder.Property(i => i.FileName).HasMaxLength(Import.FileNameMaxLength).IsRequired();
        builder.Property(i => i.UndoneBy).HasMaxLength(256);
        builder.HasIndex(i => i.At);
    }
}
