namespace DiplomacyTracker.Data.Common;

/// <summary>
/// A number that moves on with every write to the record, so caches of what was read from it can tell an answer
/// computed before the write from one computed after it: a cached answer is kept under the generation it was read
/// in, and a write makes every older one unreachable. This process's count: writes through other app instances on
/// the same database reach it through <see cref="ScaleOut.RecordGeneration"/>, which caches ask instead.
/// </summary>
public sealed class RecordChanges
{
    private long generation;

    public long Generation => Interlocked.Read(ref generation);

    public void Advance() => Interlocked.Increment(ref generation);
}
