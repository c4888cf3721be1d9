using System.Collections;
using System.Text;

namespace Vms.Sip.Uris;

/// <summary>An immutable ordered list of parameters with case-insensitive lookup by name.</summary>
public sealed class SipParameters : IReadOnlyList<SipParameter>, IEquatable<SipParameters>
{
    private readonly SipParameter[] _items;

    /// <summary>Creates a parameter list.</summary>
    public SipParameters(IEnumerable<SipParameter> items)
    {
        _items = items.ToArray();
    }

    /// <summary>The empty list.</summary>
    public static SipParameters Empty { get; } = new([]);

    /// <inheritdoc/>
    public int Count => _items.Length;

    /// <inheritdoc/>
    public SipParameter this[int index] => _items[index];

    /// <summary>True when a parameter with the name is present.</summary>
    public bool Contains(string name) => Find(name) is not null;

    /// <summary>The parameter with this name, or null.</summary>
    public SipParameter? Find(string name)
    {
        foreach (var p in _items)
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return p;
            }
        }

        return null;
    }

    /// <summary>The unquoted value of a parameter, or null when absent or a flag.</summary>
    public string? Get(string name) => Find(name)?.UnquotedValue;

    /// <summary>A copy with the parameter set (replaced or appended).</summary>
    public SipParameters With(string name, string? value)
    {
        var list = new List<SipParameter>(_items.Length + 1);
        var replaced = false;
        foreach (var p in _items)
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                if (!replaced)
                {
                    list.Add(new SipParameter(name, value));
                    replaced = true;
                }
            }
            else
            {
                list.Add(p);
            }
        }

        if (!replaced)
        {
            list.Add(new SipParameter(name, value));
        }

        return new SipParameters(list);
    }

    /// <summary>A copy without the parameter.</summary>
    public SipParameters Without(string name) =>
        new(_items.Where(p => !string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Parses <c>;a=b;c</c> (leading separator optional) until the end of the text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="separator">';' for parameters, '&amp;' for URI headers.</param>
    /// <param name="result">The parameters.</param>
    /// <returns>False when a parameter has no name or a quoted value is not closed.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, char separator, out SipParameters result)
    {
        result = Empty;
        var list = new List<SipParameter>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == separator || text[i] is ' ' or '\t'))
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            var nameStart = i;
            while (i < text.Length && text[i] != '=' && text[i] != separator)
            {
                i++;
            }

            var name = text[nameStart..i].Trim();
            if (name.IsEmpty)
            {
                return false;
            }

            string? value = null;
            if (i < text.Length && text[i] == '=')
            {
                i++;
                while (i < text.Length && text[i] is ' ' or '\t')
                {
                    i++;
                }

                var valueStart = i;
                if (i < text.Length && text[i] == '"')
                {
                    i++;
                    while (i < text.Length && text[i] != '"')
                    {
                        i += text[i] == '\\' ? 2 : 1;
                    }

                    if (i >= text.Length)
                    {
                        return false;
                    }

                    i++;
                }

                while (i < text.Length && text[i] != separator)
                {
                    i++;
                }

                value = text[valueStart..i].Trim().ToString();
            }

            list.Add(new SipParameter(name.ToString(), value));
        }

        result = list.Count == 0 ? Empty : new SipParameters(list);
        return true;
    }

    /// <summary>Writes the parameters, each preceded by the separator.</summary>
    public void AppendTo(StringBuilder builder, char separator)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var p in _items)
        {
            builder.Append(separator).Append(p.Name);
            if (p.Value is not null)
            {
                builder.Append('=').Append(p.Value);
            }
        }
    }

    /// <summary>Equality with names case-insensitive and values case-insensitive, order ignored.</summary>
    public bool Equals(SipParameters? other)
    {
        if (other is null || other.Count != Count)
        {
            return false;
        }

        foreach (var p in _items)
        {
            var q = other.Find(p.Name);
            if (q is null || !string.Equals(SipText.Unescape(p.UnquotedValue), SipText.Unescape(q.UnquotedValue), StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SipParameters);

    /// <inheritdoc/>
    public override int GetHashCode() => Count;

    /// <inheritdoc/>
    public IEnumerator<SipParameter> GetEnumerator() => ((IEnumerable<SipParameter>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <inheritdoc/>
    public override string ToString()
    {
        var sb = new StringBuilder();
        AppendTo(sb, ';');
        return sb.ToString();
    }
}
