using System.Collections;
using System.Text;

namespace Vms.Sip.Messages;

/// <summary>The ordered header fields of a message. Order is kept; unknown headers are kept byte-exact.</summary>
public sealed class SipHeaders : IReadOnlyList<SipHeaderField>
{
    private SipHeaderField[] _fields;
    private int _count;

    /// <summary>Creates an empty collection.</summary>
    public SipHeaders()
    {
        _fields = new SipHeaderField[12];
    }

    internal SipHeaders(SipHeaderField[] fields, int count)
    {
        _fields = fields;
        _count = count;
    }

    /// <inheritdoc/>
    public int Count => _count;

    /// <summary>Changes on every modification (lets messages cache parsed views).</summary>
    internal int Version { get; private set; }

    /// <inheritdoc/>
    public SipHeaderField this[int index] => (uint)index < (uint)_count ? _fields[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Appends a header.</summary>
    public void Add(SipHeaderField field) => Insert(_count, field);

    /// <summary>Appends a header given as text.</summary>
    public void Add(string name, string value) => Add(SipHeaderField.Create(name, value));

    /// <summary>Appends a known header given as text.</summary>
    public void Add(HeaderKind kind, string value) => Add(SipHeaderField.Create(kind, value));

    /// <summary>Inserts a header before the first header of the same kind (or appends), as a new topmost Via or Route.</summary>
    public void AddFirst(HeaderKind kind, string value)
    {
        var index = IndexOf(kind);
        Insert(index < 0 ? _count : index, SipHeaderField.Create(kind, value));
    }

    /// <summary>Inserts a header at a position.</summary>
    public void Insert(int index, SipHeaderField field)
    {
        if ((uint)index > (uint)_count)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        if (_count == _fields.Length)
        {
            Array.Resize(ref _fields, Math.Max(8, _count * 2));
        }

        Array.Copy(_fields, index, _fields, index + 1, _count - index);
        _fields[index] = field;
        _count++;
        Version++;
    }

    /// <summary>Replaces all headers of a kind by one with this value.</summary>
    public void Set(HeaderKind kind, string value)
    {
        var index = IndexOf(kind);
        RemoveAll(kind);
        Insert(index < 0 || index > _count ? _count : index, SipHeaderField.Create(kind, value));
    }

    /// <summary>Replaces all headers with this name by one with this value.</summary>
    public void Set(string name, string value)
    {
        var kind = HeaderNames.Lookup(name);
        if (kind != HeaderKind.Other)
        {
            Set(kind, value);
            return;
        }

        RemoveAll(name);
        Add(name, value);
    }

    /// <summary>Removes all headers of a kind; returns how many were removed.</summary>
    public int RemoveAll(HeaderKind kind) => RemoveWhere(f => f.Kind == kind);

    /// <summary>Removes all headers with this name; returns how many were removed.</summary>
    public int RemoveAll(string name) => RemoveWhere(f => f.HasName(name));

    /// <summary>Removes the first element of a list header (e.g. the topmost Via or Route).</summary>
    public bool RemoveFirstValue(HeaderKind kind)
    {
        var index = IndexOf(kind);
        if (index < 0)
        {
            return false;
        }

        var field = _fields[index];
        ListSplitter.NextElement(field.Value.Span, out var next);
        if (next < 0)
        {
            RemoveAt(index);
        }
        else
        {
            _fields[index] = new SipHeaderField(field.Kind, field.Name, ListSplitter.Trim(field.Value[next..]));
            Version++;
        }

        return true;
    }

    /// <summary>Replaces the first element of a list header (e.g. the topmost Via after adding received/rport).</summary>
    public bool ReplaceFirstValue(HeaderKind kind, string value)
    {
        var index = IndexOf(kind);
        if (index < 0)
        {
            return false;
        }

        var field = _fields[index];
        ListSplitter.NextElement(field.Value.Span, out var next);
        var bytes = Encoding.UTF8.GetBytes(value);
        if (next >= 0)
        {
            var rest = field.Value[(next - 1)..].Span;
            var combined = new byte[bytes.Length + rest.Length];
            bytes.CopyTo(combined, 0);
            rest.CopyTo(combined.AsSpan(bytes.Length));
            bytes = combined;
        }

        _fields[index] = new SipHeaderField(field.Kind, field.Name, bytes);
        Version++;
        return true;
    }

    /// <summary>Removes the header at a position.</summary>
    public void RemoveAt(int index)
    {
        if ((uint)index >= (uint)_count)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        Array.Copy(_fields, index + 1, _fields, index, _count - index - 1);
        _count--;
        Version++;
        _fields[_count] = default;
    }

    /// <summary>Index of the first header of a kind, or -1.</summary>
    public int IndexOf(HeaderKind kind)
    {
        for (var i = 0; i < _count; i++)
        {
            if (_fields[i].Kind == kind)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>True when at least one header of the kind is present.</summary>
    public bool Contains(HeaderKind kind) => IndexOf(kind) >= 0;

    /// <summary>The value bytes of the first header of a kind (first list element for list headers), or empty.</summary>
    public bool TryGetFirst(HeaderKind kind, out ReadOnlyMemory<byte> value)
    {
        var index = IndexOf(kind);
        if (index < 0)
        {
            value = default;
            return false;
        }

        value = _fields[index].Value;
        if (HeaderNames.IsList(kind))
        {
            var length = ListSplitter.NextElement(value.Span, out _);
            value = ListSplitter.Trim(value[..length]);
        }

        return true;
    }

    /// <summary>The first value of a kind as text, or null.</summary>
    public string? GetFirst(HeaderKind kind) => TryGetFirst(kind, out var v) ? Encoding.UTF8.GetString(v.Span) : null;

    /// <summary>The value of the first header with this name (whole line value), or null.</summary>
    public string? Get(string name)
    {
        var kind = HeaderNames.Lookup(name);
        if (kind != HeaderKind.Other)
        {
            return GetFirst(kind);
        }

        for (var i = 0; i < _count; i++)
        {
            if (_fields[i].Kind == HeaderKind.Other && _fields[i].HasName(name))
            {
                return _fields[i].ValueText;
            }
        }

        return null;
    }

    /// <summary>All values of a kind, list headers split at commas, in order.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> GetValues(HeaderKind kind)
    {
        var result = new List<ReadOnlyMemory<byte>>();
        for (var i = 0; i < _count; i++)
        {
            if (_fields[i].Kind != kind)
            {
                continue;
            }

            if (HeaderNames.IsList(kind))
            {
                ListSplitter.Split(_fields[i].Value, result);
            }
            else
            {
                result.Add(_fields[i].Value);
            }
        }

        return result;
    }

    /// <summary>All values of a kind as text.</summary>
    public IReadOnlyList<string> GetTexts(HeaderKind kind) => GetValues(kind).Select(v => Encoding.UTF8.GetString(v.Span)).ToList();

    /// <summary>Copies the headers into a new collection (values are shared, being immutable bytes).</summary>
    public SipHeaders Clone()
    {
        var copy = new SipHeaderField[Math.Max(_count + 4, 8)];
        Array.Copy(_fields, copy, _count);
        return new SipHeaders(copy, _count);
    }

    /// <inheritdoc/>
    public IEnumerator<SipHeaderField> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return _fields[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int RemoveWhere(Func<SipHeaderField, bool> predicate)
    {
        var write = 0;
        for (var read = 0; read < _count; read++)
        {
            if (!predicate(_fields[read]))
            {
                _fields[write++] = _fields[read];
            }
        }

        var removed = _count - write;
        Array.Clear(_fields, write, removed);
        _count = write;
        Version++;
        return removed;
    }
}
