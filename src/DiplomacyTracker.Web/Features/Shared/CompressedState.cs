using System.Diagnostics.CodeAnalysis;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.AspNetCore.Components;

namespace DiplomacyTracker.Web.Features.Shared;

/// <summary>
/// What prerendering hands to the circuit, compressed before Blazor encrypts it into the page: encrypted bytes don't
/// compress on the wire, and a timeline page's 50 lines were 138 KB of the 270 KB of HTML (docs/performance.md).
/// </summary>
public static class CompressedState
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void PersistCompressed<T>(this PersistentComponentState state, string key, T value)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(value, Json);
        using var compressed = new MemoryStream();
        using (var brotli = new BrotliStream(compressed, CompressionLevel.Fastest))
        {
            brotli.Write(json);
        }

        state.PersistAsJson(key, compressed.ToArray());
    }

    public static bool TryTakeCompressed<T>(this PersistentComponentState state, string key, [NotNullWhen(true)] out T? value)
        where T : class
    {
        value = null;
        if (!state.TryTakeFromJson<byte[]>(key, out var compressed) || compressed is null)
        {
            return false;
        }

        using var brotli = new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress);
        value = JsonSerializer.Deserialize<T>(brotli, Json);
        return value is not null;
    }
}
