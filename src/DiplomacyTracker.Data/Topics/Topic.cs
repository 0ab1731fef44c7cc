namespace DiplomacyTracker.Data.Topics;

/// <summary>A theme events and statements are tagged with (Ukraine, multipolarity, trade and energy, ...).</summary>
public sealed class Topic
{
    public const int NameMaxLength = 80;

    public int Id { get; set; }

    public string Slug { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;
}
