using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiplomacyTracker.Data.ScaleOut;

/// <summary>How many requests of one kind from one client arrived in one fixed time window (e.g. sign-in posts from
/// an address in a minute), kept in the database so every app instance counts into the same number.</summary>
public sealed class RequestCounter
{
    /// <summary>What is counted, whose, and which window: "sign-in|203.0.113.7|639012345600000000".</summary>
    public required string Key { get; set; }

    public int Count { get; set; }

    /// <summary>When the window ends; rows past it are swept away.</summary>
    public DateTime ExpiresAt { get; set; }
}

internal sealed class RequestCounterConfiguration : IEntityTypeConfiguration<RequestCounter>
{
    public void Configure(EntityTypeBuilder<RequestCounter> builder)
    {
        builder.HasKey(c => c.Key);
        builder.Property(c => c.Key).HasMaxLength(300);
        builder.HasIndex(c => c.ExpiresAt);
    }
}
