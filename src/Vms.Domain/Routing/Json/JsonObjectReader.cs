using System.Globalization;
using System.Text.Json;

namespace Vms.Domain.Routing.Json;

/// <summary>Reads the properties of one JSON object, recording a located problem instead of throwing.</summary>
internal readonly struct JsonObjectReader
{
    private readonly JsonElement _element;
    private readonly List<RoutingProblem> _problems;

    public JsonObjectReader(JsonElement element, string pointer, List<RoutingProblem> problems, params string[] allowed)
    {
        _element = element;
        Pointer = pointer;
        _problems = problems;
        foreach (var property in element.EnumerateObject())
        {
            if (System.Array.IndexOf(allowed, property.Name) < 0)
            {
                problems.Add(new RoutingProblem(
                    At(property.Name), "json.unknownProperty", $"Unknown property '{property.Name}'."));
            }
        }
    }

    public string Pointer { get; }

    public string At(string name) => $"{Pointer}/{Escape(name)}";

    public static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal)
        .Replace("/", "~1", StringComparison.Ordinal);

    public void Problem(string name, string code, string message) =>
        _problems.Add(new RoutingProblem(At(name), code, message));

    public bool Has(string name) =>
        _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public string? String(string name, bool required = false)
    {
        if (!_element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Problem(name, "json.required", $"'{name}' is required.");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Problem(name, "json.type", $"'{name}' must be a string.");
            return null;
        }

        var text = value.GetString();
        if (required && string.IsNullOrWhiteSpace(text))
        {
            Problem(name, "json.required", $"'{name}' must not be empty.");
            return null;
        }

        return text;
    }

    public int? Int(string name, int min, int max, bool required = false)
    {
        if (!_element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Problem(name, "json.required", $"'{name}' is required.");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            Problem(name, "json.type", $"'{name}' must be an integer.");
            return null;
        }

        if (number < min || number > max)
        {
            Problem(name, "json.range", $"'{name}' must be between {min} and {max}.");
            return null;
        }

        return number;
    }

    public bool? Bool(string name)
    {
        if (!_element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Problem(name, "json.type", $"'{name}' must be true or false.");
            return null;
        }

        return value.GetBoolean();
    }

    public TEnum? Enum<TEnum>(string name, IReadOnlyDictionary<string, TEnum> names, bool required = false)
        where TEnum : struct
    {
        var text = String(name, required);
        if (text is null)
        {
            return null;
        }

        if (names.TryGetValue(text, out var result))
        {
            return result;
        }

        Problem(name, "json.enum", $"'{name}' must be one of {string.Join(", ", names.Keys)}.");
        return null;
    }

    public TimeOnly? Time(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        if (text == "24:00")
        {
            return TimeOnly.MaxValue;
        }

        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        Problem(name, "json.format", $"'{name}' must be a time HH:mm (00:00 to 24:00).");
        return null;
    }

    public DateOnly? Date(string name) => ParseDate(String(name), At(name), _problems);

    public static DateOnly? ParseDate(string? text, string pointer, List<RoutingProblem> problems)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        problems.Add(new RoutingProblem(pointer, "json.format", "Must be a date yyyy-MM-dd."));
        return null;
    }

    /// <summary>The array's items with their pointers; problems when it is not an array.</summary>
    public IEnumerable<(JsonElement Item, string Pointer)> Array(string name, bool required = false)
    {
        if (!_element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Problem(name, "json.required", $"'{name}' is required.");
            }

            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Problem(name, "json.type", $"'{name}' must be an array.");
            return [];
        }

        var pointer = At(name);
        return value.EnumerateArray().Select((item, i) => (item, $"{pointer}/{i}")).ToList();
    }

    /// <summary>An array of strings; items of another type are reported and skipped.</summary>
    public IReadOnlyList<string> Strings(string name)
    {
        var result = new List<string>();
        foreach (var (item, pointer) in Array(name))
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                result.Add(item.GetString()!);
            }
            else
            {
                _problems.Add(new RoutingProblem(pointer, "json.type", "Must be a string."));
            }
        }

        return result;
    }

    /// <summary>An item that must be an object; false (with a problem) otherwise.</summary>
    public static bool IsObject(JsonElement item, string pointer, List<RoutingProblem> problems)
    {
        if (item.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        problems.Add(new RoutingProblem(pointer, "json.type", "Must be an object."));
        return false;
    }
}
