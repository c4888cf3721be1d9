using System.Collections.Frozen;
using System.Globalization;

namespace Vms.Server.Resources;

/// <summary>
/// The portal's texts in English, French and Dutch (NFR5). The English text is the key; a text missing from a
/// translation falls back to English, so a page never shows a raw key. The language is the current UI culture,
/// which RequestLocalization sets from the language cookie (and keeps for the whole Blazor circuit).
/// Features add their texts to <see cref="FrenchText"/> and <see cref="DutchText"/>.
/// </summary>
public sealed class PortalText
{
    /// <summary>The languages the portal offers, in the order of the language switch.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "fr", "nl"];

    public string this[string english] => Translate(english, CultureInfo.CurrentUICulture);

    /// <summary>Formats a translated composite format string with the current culture.</summary>
    public string Format(string english, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, this[english], args);

    /// <summary>Whether the text has its own entry in the language ("fr" or "nl"); English always has.</summary>
    public static bool HasTranslation(string english, string language) => language switch
    {
        "fr" => FrenchText.Entries.ContainsKey(english),
        "nl" => DutchText.Entries.ContainsKey(english),
        _ => true,
    };

    public static string Translate(string english, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(english);
        ArgumentNullException.ThrowIfNull(culture);
        FrozenDictionary<string, string>? table = culture.TwoLetterISOLanguageName switch
        {
            "fr" => FrenchText.Entries,
            "nl" => DutchText.Entries,
            _ => null,
        };
        return table is not null && table.TryGetValue(english, out var text) ? text : english;
    }
}
