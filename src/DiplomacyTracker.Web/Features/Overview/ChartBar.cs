namespace DiplomacyTracker.Web.Features.Overview;

/// <summary>One bar of an overview chart and one row of its table: what it counts, how many, where its events are
/// listed (null when no filter selects them), for cities a second figure (legs), and a shorter label where the
/// chart has little room for it.</summary>
public sealed record ChartBar(string Label, int Count, string? Href, int? Extra = null, string? ShortLabel = null);
