using System.Text;

namespace Vms.Sip.Messages;

/// <summary>One header line: its kind, its name as received (compact forms kept) and its value bytes (unfolded).</summary>
public readonly struct SipHeaderField
{
    /// <summary>Creates a header field from bytes.</summary>
    public SipHeaderField(HeaderKind kind, ReadOnlyMemory<byte> name, ReadOnlyMemory<byte> value)
    {
        Kind = kind;
        Name = name;
        Value = value;
    }

    /// <summary>The kind of the header, <see cref="HeaderKind.Other"/> when unknown.</summary>
    public HeaderKind Kind { get; }

    /// <summary>The header name bytes as written on the wire.</summary>
    public ReadOnlyMemory<byte> Name { get; }

    /// <summary>The header value bytes, without leading/trailing whitespace, folding replaced by one space.</summary>
    public ReadOnlyMemory<byte> Value { get; }

    /// <summary>The name as text.</summary>
    public string NameText => Encoding.UTF8.GetString(Name.Span);

    /// <summary>The value as text.</summary>
    public string ValueText => Encoding.UTF8.GetString(Value.Span);

    /// <summary>Creates a header field from text.</summary>
    public static SipHeaderField Create(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        var kind = HeaderNames.Lookup(name);
        var nameBytes = kind == HeaderKind.Other ? Encoding.UTF8.GetBytes(name) : HeaderNames.CanonicalBytes(kind);
        return new SipHeaderField(kind, nameBytes, Encoding.UTF8.GetBytes(value));
    }

    /// <summary>Creates a known header field from text.</summary>
    public static SipHeaderField Create(HeaderKind kind, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (kind == HeaderKind.Other)
        {
            throw new ArgumentException("A header of kind Other needs a name.", nameof(kind));
        }

        return new SipHeaderField(kind, HeaderNames.CanonicalBytes(kind), Encoding.UTF8.GetBytes(value));
    }

    /// <summary>True when this field has the given name (case-insensitive, compact forms recognised).</summary>
    public bool HasName(string name)
    {
        var kind = HeaderNames.Lookup(name);
        return kind != HeaderKind.Other
            ? Kind == kind
            : Kind == HeaderKind.Other && Ascii.EqualsIgnoreCase(Name.Span, Encoding.UTF8.GetBytes(name));
    }

    /// <inheritdoc/>
    public override string ToString() => NameText + ": " + ValueText;
}
