using System.Net;

namespace Vms.Sip.Transport;

/// <summary>One received message (a UDP datagram or one framed message of a TCP stream).</summary>
/// <param name="Data">The bytes; owned by the receiver.</param>
/// <param name="Remote">Where it came from.</param>
/// <param name="Transport">The transport it arrived on (responses go back through it).</param>
public sealed record SipPacket(ReadOnlyMemory<byte> Data, IPEndPoint Remote, ISipTransport Transport);
