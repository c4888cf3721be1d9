using System.Text.Json;

namespace Vms.Domain.Routing.Snapshot;

/// <summary>
/// The local-file form of a snapshot's source (JSON: trees with their content, and plan assignments). The host
/// writes the bytes to disk after each publish and reads them at start when the database does not answer.
/// </summary>
public static class SnapshotFile
{
    public const int FormatVersion = 1;

    public static byte[] Serialize(SnapshotSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteNumber("formatVersion", FormatVersion);
            w.WriteStartArray("trees");
            foreach (var t in source.Trees)
            {
                w.WriteStartObject();
                w.WriteString("customerId", t.CustomerId);
                w.WriteString("treeId", t.TreeId);
                w.WriteNumber("version", t.Version);
                w.WriteString("json", t.Json);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("assignments");
            foreach (var a in source.Assignments)
            {
                w.WriteStartObject();
                w.WriteString("number", a.Number);
                w.WriteString("kind", a.Kind.ToString());
                w.WriteString("treeId", a.TreeId);
                w.WriteBoolean("isActive", a.IsActive);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>Reads the file's bytes; null with a reason when they are not a snapshot of this format.</summary>
    public static SnapshotSource? Deserialize(ReadOnlySpan<byte> utf8, out string? error)
    {
        error = null;
        try
        {
            var reader = new Utf8JsonReader(utf8);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (!root.TryGetProperty("formatVersion", out var version) || version.GetInt32() != FormatVersion)
            {
                error = "Not a routing snapshot of format version 1.";
                return null;
            }

            var trees = root.GetProperty("trees").EnumerateArray().Select(t => new PublishedTree(
                t.GetProperty("customerId").GetGuid(), t.GetProperty("treeId").GetGuid(),
                t.GetProperty("version").GetInt32(), t.GetProperty("json").GetString()!)).ToList();
            var assignments = root.GetProperty("assignments").EnumerateArray().Select(a => new PlanAssignment(
                a.GetProperty("number").GetString()!, Enum.Parse<PlanKind>(a.GetProperty("kind").GetString()!),
                a.GetProperty("treeId").GetGuid(), a.GetProperty("isActive").GetBoolean())).ToList();
            return new SnapshotSource(trees, assignments);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException
                                      or FormatException or ArgumentException)
        {
            error = $"Corrupt routing snapshot: {e.Message}";
            return null;
        }
    }
}
