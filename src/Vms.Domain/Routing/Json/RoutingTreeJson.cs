using System.Text.Json;
using Vms.Domain.Routing.Model;

namespace Vms.Domain.Routing.Json;

/// <summary>
/// Reads a routing tree from its JSON (schema: <see cref="RoutingTreeSchema"/>), reporting every problem with its
/// JSON pointer; never throws on bad input. Writing: <see cref="RoutingTreeWriter"/>.
/// </summary>
public static class RoutingTreeJson
{
    public const int SchemaVersion = 1;
    public const int MaxBytes = 1 << 20;

    public static RoutingTreeReadResult Read(ReadOnlySpan<byte> utf8)
    {
        var problems = new List<RoutingProblem>();
        if (utf8.Length > MaxBytes)
        {
            problems.Add(new RoutingProblem("", "json.tooLarge", $"The tree JSON is larger than {MaxBytes} bytes."));
            return new RoutingTreeReadResult(null, problems);
        }

        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            problems.Add(new RoutingProblem("", "json.encoding", "The tree JSON is not valid UTF-8 text."));
            return new RoutingTreeReadResult(null, problems);
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 32 });
            if (!JsonDocument.TryParseValue(ref reader, out var parsed) || parsed is null)
            {
                problems.Add(new RoutingProblem("", "json.syntax", "Empty document."));
                return new RoutingTreeReadResult(null, problems);
            }

            document = parsed;
        }
        catch (JsonException e)
        {
            problems.Add(new RoutingProblem(
                "", "json.syntax", $"Malformed JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}."));
            return new RoutingTreeReadResult(null, problems);
        }

        using (document)
        {
            var tree = ReadTree(document.RootElement, problems);
            return new RoutingTreeReadResult(problems.Count == 0 ? tree : null, problems);
        }
    }

    public static RoutingTreeReadResult Read(string json) => Read(System.Text.Encoding.UTF8.GetBytes(json));

    private static RoutingTree? ReadTree(JsonElement root, List<RoutingProblem> problems)
    {
        if (!JsonObjectReader.IsObject(root, "", problems))
        {
            return null;
        }

        var o = new JsonObjectReader(root, "", problems,
            "schemaVersion", "name", "timeZone", "holidays", "closingDays", "root", "sites", "nodes");
        var version = o.Int("schemaVersion", 1, 1000);
        if (version is not null and not SchemaVersion)
        {
            o.Problem("schemaVersion", "json.version", $"Unsupported schemaVersion {version}; expected {SchemaVersion}.");
        }

        var timeZone = o.String("timeZone") ?? RoutingTree.DefaultTimeZone;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            o.Problem("timeZone", "timeZone.unknown", $"Unknown time zone '{timeZone}'.");
        }

        var closing = new List<DateOnly>();
        foreach (var (item, pointer) in o.Array("closingDays"))
        {
            var text = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            if (text is null)
            {
                problems.Add(new RoutingProblem(pointer, "json.type", "Must be a date string yyyy-MM-dd."));
            }
            else if (JsonObjectReader.ParseDate(text, pointer, problems) is { } day)
            {
                closing.Add(day);
            }
        }

        var sites = new List<RoutingSite>();
        foreach (var (item, pointer) in o.Array("sites"))
        {
            if (JsonObjectReader.IsObject(item, pointer, problems))
            {
                var s = new JsonObjectReader(item, pointer, problems, "id", "name", "maxCalls");
                var id = s.String("id", required: true);
                var maxCalls = s.Int("maxCalls", 1, 100_000);
                if (id is not null)
                {
                    sites.Add(new RoutingSite { Id = id, Name = s.String("name"), MaxCalls = maxCalls });
                }
            }
        }

        var nodes = new List<RouteNode>();
        foreach (var (item, pointer) in o.Array("nodes", required: true))
        {
            if (JsonObjectReader.IsObject(item, pointer, problems) && NodeReader.Read(item, pointer, problems) is { } n)
            {
                nodes.Add(n);
            }
        }

        var rootId = o.String("root", required: true);
        var name = o.String("name");
        var holidays = o.Enum("holidays", JsonNames.Calendars) ?? HolidayCalendar.Belgium;
        return rootId is null
            ? null
            : new RoutingTree
            {
                Name = name,
                TimeZone = timeZone,
                Holidays = holidays,
                ClosingDays = closing,
                Root = rootId,
                Sites = sites,
                Nodes = nodes,
            };
    }
}
