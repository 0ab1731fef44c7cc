using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiplomacyTracker.Data.ScaleOut;

/// <summary>
/// The one row every write to the record renews (<see cref="Stamp"/> becomes a new Guid in the writer's transaction),
/// so every app instance on the database can tell with one indexed read whether anything changed since it last looked
/// (<see cref="RecordGeneration"/>). A fresh Guid rather than a counter: setting it needs no read first, and a value
/// once replaced never comes back.
/// </summary>
public sealed class RecordStamp
{
    public const int TheRow = 1;

    public int Id { get; set; }

    public Guid Stamp { get; set; }
}

internal sealed class RecordStampConfiguration : IEntityTypeConfiguration<RecordStamp>
{
    public void Configure(EntityTypeBuilder<RecordStamp> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        // The row exists from the migration on, so a write only ever updates it.
        builder.HasData(new RecordStamp { Id = RecordStamp.TheRow, Stamp = Guid.Empty });
    }
}
