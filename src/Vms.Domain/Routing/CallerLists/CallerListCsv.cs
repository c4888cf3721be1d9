using System.Text;
using Vms.Domain.Routing.Numbers;

namespace Vms.Domain.Routing.CallerLists;

/// <summary>
/// Parses a caller-list CSV: one number or prefix per line in the first column (separator ',' or ';'; other columns
/// ignored), optional header line, UTF-8 with or without BOM. "0475123456", "+32 2 123 45 67" and "0032..." are
/// numbers; a trailing '*' makes a prefix ("+3250*", "09*"). Never throws.
/// </summary>
public static class CallerListCsv
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 100_000;

    private static readonly string[] Headers = ["number", "numbers", "numéro", "numero", "nummer", "value", "cli"];

    public static CallerListCsvResult Parse(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxBytes)
        {
            return new CallerListCsvResult([], [], $"The file is larger than {MaxBytes / 1024 / 1024} MB.");
        }

        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(utf8);
        }
        catch (DecoderFallbackException)
        {
            return new CallerListCsvResult([], [], "The file is not UTF-8 text.");
        }

        var values = new List<string>();
        var errors = new List<CsvRowError>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var line = 0;
        foreach (var raw in text.Split('\n'))
        {
            line++;
            var row = raw.TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(row))
            {
                continue;
            }

            if (line > MaxRows)
            {
                return new CallerListCsvResult([], [], $"More than {MaxRows} lines.");
            }

            var cell = row.Split(',', ';')[0].Trim().Trim('"').Trim();
            if (line == 1 && Headers.Contains(cell.ToLowerInvariant()))
            {
                continue;
            }

            var value = Normalise(cell, out var reason);
            if (value is null)
            {
                errors.Add(new CsvRowError(line, row, reason));
            }
            else if (seen.TryGetValue(value, out var first))
            {
                errors.Add(new CsvRowError(line, row, $"Duplicate of line {first}."));
            }
            else
            {
                seen[value] = line;
                values.Add(value);
            }
        }

        return values.Count == 0 && errors.Count == 0
            ? new CallerListCsvResult([], [], "The file holds no number.")
            : new CallerListCsvResult(values, errors, null);
    }

    /// <summary>Normalises one entry typed in the portal (same rules as a CSV cell).</summary>
    public static string? Normalise(string cell, out string reason)
    {
        reason = string.Empty;
        if (cell.Length == 0)
        {
            reason = "Empty number.";
            return null;
        }

        if (cell.EndsWith('*'))
        {
            var prefix = NumberAnalysis.NormalisePrefix(cell[..^1]);
            if (prefix is null || prefix.Length < 3)
            {
                reason = $"'{cell}' is not a number prefix (digits followed by *).";
                return null;
            }

            return prefix + "*";
        }

        if (!NumberAnalysis.TryE164(cell, out var e164))
        {
            reason = $"'{cell}' is not a valid phone number.";
            return null;
        }

        return e164;
    }
}
