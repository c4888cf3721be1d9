using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Vms.Calls.Benchmarks;

/// <summary>
/// One end of one call's media: an RTP socket (even port) and its RTCP neighbour (odd port, drained and ignored).
/// Sends 172-byte PCMA packets when told to; counts the packets it receives that carry the benchmark's marker, so
/// that RTCP or anything else arriving on the port is never counted as media.
/// </summary>
internal sealed class RtpStream : IDisposable
{
    public const int PayloadBytes = 160;
    private const int PacketBytes = 12 + PayloadBytes;
    private const uint Magic = 0x564D5343; // "VMSC"

    private readonly Socket _rtp;
    private readonly Socket _rtcp;
    private readonly byte[] _packet = new byte[PacketBytes];
    private readonly byte[] _receive = new byte[2048];
    private readonly LatencyHistogram _latency;
    private int _call;
    private readonly bool _fromCaller;
    private ushort _sequence;
    private uint _timestamp;
    private long _sent;
    private long _received;
    private long _foreign;
    private IPEndPoint? _remote;
    private SocketAddress? _remoteAddress;

    private RtpStream(Socket rtp, Socket rtcp, int call, bool fromCaller, LatencyHistogram latency)
    {
        _rtp = rtp;
        _rtcp = rtcp;
        _call = call;
        _fromCaller = fromCaller;
        _latency = latency;
        _packet[0] = 0x80;
        _packet[1] = 8; // PCMA
        Call = call;
        _packet.AsSpan(12 + 16).Fill(0xD5); // A-law silence after the marker
    }

    /// <summary>The call this stream belongs to (the callee learns it from the caller number VMS presents).</summary>
    public int Call
    {
        get => _call;
        set
        {
            _call = value;
            BinaryPrimitives.WriteUInt32BigEndian(_packet.AsSpan(8), (uint)(value * 2 + (_fromCaller ? 0 : 1)) | 0x10000000u);
        }
    }

    public int Port => ((IPEndPoint)_rtp.LocalEndPoint!).Port;

    public IPEndPoint? Remote
    {
        get => _remote;
        set
        {
            _remote = value;
            _remoteAddress = value?.Serialize();
        }
    }

    public long Sent => Interlocked.Read(ref _sent);

    public long Received => Interlocked.Read(ref _received);

    /// <summary>Packets received without the marker (RTCP on the RTP port, or media of another stream).</summary>
    public long Foreign => Interlocked.Read(ref _foreign);

    /// <summary>Opens an RTP/RTCP pair on the first free even port from <paramref name="nextPort"/> upwards.</summary>
    public static RtpStream Open(IPAddress address, ref int nextPort, int call, bool fromCaller, LatencyHistogram latency)
    {
        while (true)
        {
            var port = nextPort;
            nextPort += 2;
            if (port > 65534)
            {
                throw new InvalidOperationException("No free RTP port pair left.");
            }

            var rtp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            var rtcp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                rtp.ReceiveBufferSize = 256 * 1024;
                rtp.Bind(new IPEndPoint(address, port));
                rtcp.Bind(new IPEndPoint(address, port + 1));
                return new RtpStream(rtp, rtcp, call, fromCaller, latency);
            }
            catch (SocketException)
            {
                rtp.Dispose();
                rtcp.Dispose();
            }
        }
    }

    public void Start()
    {
        _ = ReceiveLoopAsync();
        _ = DrainRtcpAsync();
    }

    /// <summary>Sends the next 20 ms packet to <see cref="Remote"/> (called by the pacing thread).</summary>
    public void SendNext()
    {
        if (_remoteAddress is not { } remote)
        {
            return;
        }

        BinaryPrimitives.WriteUInt16BigEndian(_packet.AsSpan(2), _sequence++);
        BinaryPrimitives.WriteUInt32BigEndian(_packet.AsSpan(4), _timestamp);
        _timestamp += PayloadBytes;
        var payload = _packet.AsSpan(12);
        BinaryPrimitives.WriteUInt32BigEndian(payload, Magic);
        BinaryPrimitives.WriteInt32BigEndian(payload[4..], _call);
        BinaryPrimitives.WriteInt64BigEndian(payload[8..], Stopwatch.GetTimestamp());
        try
        {
            _rtp.SendTo(_packet, SocketFlags.None, remote);
            Interlocked.Increment(ref _sent);
        }
        catch (SocketException)
        {
            // counted as not sent
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = _receive.AsMemory();
        while (true)
        {
            int length;
            try
            {
                length = await _rtp.ReceiveAsync(buffer, SocketFlags.None);
            }
            catch (SocketException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            var packet = _receive.AsSpan(0, length);
            if (length == PacketBytes && BinaryPrimitives.ReadUInt32BigEndian(packet[12..]) == Magic && BinaryPrimitives.ReadInt32BigEndian(packet[16..]) == _call)
            {
                Interlocked.Increment(ref _received);
                var sentAt = BinaryPrimitives.ReadInt64BigEndian(packet[20..]);
                _latency.Add(Stopwatch.GetElapsedTime(sentAt));
            }
            else
            {
                Interlocked.Increment(ref _foreign);
            }
        }
    }

    private async Task DrainRtcpAsync()
    {
        var buffer = new byte[2048];
        try
        {
            while (true)
            {
                await _rtcp.ReceiveAsync(buffer, SocketFlags.None);
            }
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose()
    {
        _rtp.Dispose();
        _rtcp.Dispose();
    }
}
