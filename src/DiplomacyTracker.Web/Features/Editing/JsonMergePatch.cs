using System.Text.Json.Nodes;

namespace DiplomacyTracker.Web.Features.Editing;

/// <summary>
/// JSON Merge Patch (RFC 7396): members of the patch replace the target's, a null removes one, objects merge
/// member by member, anything else (arrays included) replaces the whole value. Member names match the target's
/// ignoring case, as the event's JSON is read ignoring case.
/// </summary>
public static class JsonMergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject members)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject ?? [];
        foreach (var (name, value) in members)
        {
            var existing = result.Select(m => m.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) ?? name;
            if (value is null)
            {
                result.Remove(existing);
            }
            else
            {
                var merged = Apply(result[existing]?.DeepClone(), value);
                result[existing] = merged;
            }
        }

        return result;
    }
}
