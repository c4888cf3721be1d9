using System.Globalization;

namespace Vms.Media.Sdp;

/// <summary>
/// One media section (<c>m=</c> line and what follows it, RFC 4566 §5.14). Unknown attributes and lines are
/// kept in order so that a description can be written back.
/// </summary>
public sealed record MediaDescription(
    string Media,
    int Port,
    int? PortCount,
    string Protocol,
    IReadOnlyList<string> Formats,
    SdpConnection? Connection,
    IReadOnlyList<SdpAttributeLine> Attributes,
    IReadOnlyList<string> OtherLines)
{
    /// <summary>The value of the first attribute named <paramref name="name"/>, or null.</summary>
    public string? GetAttribute(string name)
    {
        foreach (var a in Attributes)
        {
            if (string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return a.Value ?? string.Empty;
            }
        }

        return null;
    }

    /// <summary>The direction attribute of this section, or null when it has none.</summary>
    public MediaDirection? Direction => SessionDescription.DirectionOf(Attributes);

    /// <summary>The <c>a=ptime</c> value in milliseconds (fractions kept), or null.</summary>
    public double? Ptime =>
        GetAttribute("ptime") is { } p && double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>
    /// The <c>a=maxptime</c> value in milliseconds (RFC 4566 §6: the most media the peer accepts in one packet),
    /// or null when absent or not a positive number.
    /// </summary>
    public double? MaxPtime =>
        GetAttribute("maxptime") is { } p && double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : null;

    /// <summary>The rtpmap of <paramref name="payloadType"/> (encoding name, clock rate), or null.</summary>
    public (string Encoding, int ClockRate)? GetRtpMap(string payloadType)
    {
        foreach (var a in Attributes)
        {
            if (!string.Equals(a.Name, "rtpmap", StringComparison.OrdinalIgnoreCase) || a.Value is null)
            {
                continue;
            }

            var space = a.Value.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0 || !a.Value.AsSpan(0, space).SequenceEqual(payloadType))
            {
                continue;
            }

            var parts = a.Value[(space + 1)..].Trim().Split('/');
            if (parts.Length >= 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var rate))
            {
                return (parts[0], rate);
            }
        }

        return null;
    }
}
