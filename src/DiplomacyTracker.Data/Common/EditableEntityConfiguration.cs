using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiplomacyTracker.Data.Common;

internal static class EditableEntityConfiguration
{
    /// <summary>Columns every editable row shares: the concurrency token and the seed key.</summary>
    public static void ConfigureEditable<T>(this EntityTypeBuilder<T> builder)
        where T : EditableEntity
    {
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Property(e => e.SeedKey).HasMaxLength(120);
        builder.HasIndex(e => e.SeedKey).IsUnique().HasFilter("SeedKey IS NOT NULL");
    }
}
