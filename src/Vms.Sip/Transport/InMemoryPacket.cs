using System.Net;
using System.Text;

namespace Vms.Sip.Transport;

/// <summary>A packet seen by the <see cref="InMemorySipNetwork"/>.</summary>
/// <param name="From">The sender.</param>
/// <param name="To">The receiver.</param>
/// <param name="Data">The bytes.</param>
public sealed record InMemoryPacket(IPEndPoint From, IPEndPoint To, ReadOnlyMemory<byte> Data)
{
    /// <summary>True when the drop filter discarded it.</summary>
    public bool Dropped { get; init; }

    /// <summary>The packet as text.</summary>
    public string Text => Encoding.UTF8.GetString(Data.Span);

    /// <summary>The first line of the packet (request line or status line).</summary>
    public string FirstLine
    {
        get
        {
            var t = Text;
            var i = t.IndexOf('\r', StringComparison.Ordinal);
            return i < 0 ? t : t[..i];
        }
    }
}
