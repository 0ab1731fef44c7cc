using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiplomacyTracker.Data.Seeding;

/// <summary>
/// A seed record that has been applied once. The seeder never applies a key twice, so rows people
/// edit or delete are never overwritten or brought back by a later start.
/// </summary>
public sealed class AppliedSeed
{
    public string Key { get; set; } = string.Empty;

    public DateTime AppliedAt { get; set; }
}

internal sealed class AppliedSeedConfiguration : IEntityTypeConfiguration<AppliedSeed>
{
    public void Configure(EntityTypeBuilder<AppliedSeed> builder)
    {
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(160);
    }
}
