using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Vms.Media.Codecs;
using Vms.Media.Dtmf;
using Vms.Media.Rtp;
using Vms.Media.Transport;

namespace Vms.Media.Tests.TestSupport;

/// <summary>An engine on an in-memory network with a fake clock, and test peers that send and capture RTP.</summary>
internal sealed class MediaRig : IDisposable
{
    public MediaRig(int minPort = 40000, int maxPort = 40099, IReadOnlyList<G711Law>? codecs = null)
    {
        Engine = new MediaEngine(new MediaEngineOptions { MinPort = minPort, MaxPort = maxPort, Codecs = codecs ?? [G711Law.Alaw, G711Law.Ulaw] }, Time, Network);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));

    public InMemoryRtpNetwork Network { get; } = new();

    public MediaEngine Engine { get; }

    public MediaSession NewSession()
    {
        var result = Engine.CreateSession();
        Assert.True(result.IsSuccess, result.Error);
        return result.Session!;
    }

    public Peer NewPeer(int port) => new(Network.Bind(new IPEndPoint(IPAddress.Loopback, port)));

    public void Ticks(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Time.Advance(TimeSpan.FromMilliseconds(20));
        }
    }

    public static byte[] OfferFrom(int port, string formats = "8 0 101", string extra = "") => Encoding.ASCII.GetBytes(
        $"v=0\r\no=peer 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {port} RTP/AVP {formats}\r\na=rtpmap:101 telephone-event/8000\r\n{extra}");

    public void Dispose() => Engine.Dispose();

    internal sealed class Peer : IDatagramReceiver, IDisposable
    {
        private readonly IRtpSocket _socket;
        private ushort _seq = 1000;
        private uint _ts = 50000;

        public Peer(IRtpSocket socket)
        {
            _socket = socket;
            socket.Start(this);
        }

        public List<byte[]> Received { get; } = [];

        public List<byte[]> ReceivedRtcp { get; } = [];

        public uint Ssrc { get; set; } = 0xABCDEF;

        public IPEndPoint EndPoint => _socket.LocalEndPoint;

        public IEnumerable<(RtpHeader Header, byte[] Packet)> Rtp =>
            Received.Select(p => (RtpHeader.TryParse(p, out var h) == RtpParseStatus.Ok ? h : default, p));

        public void OnDatagram(IRtpSocket socket, ReadOnlySpan<byte> data, IPEndPoint source)
        {
            if (data.Length >= 2 && data[1] is >= 200 and <= 204)
            {
                ReceivedRtcp.Add(data.ToArray());
            }
            else
            {
                Received.Add(data.ToArray());
            }
        }

        public void SendAudio(IPEndPoint to, ReadOnlySpan<byte> payload, byte pt = 8, bool marker = false)
        {
            var packet = new byte[12 + payload.Length];
            RtpHeader.WriteFixed(packet, marker, pt, _seq++, _ts, Ssrc);
            payload.CopyTo(packet.AsSpan(12));
            _ts += (uint)payload.Length;
            _socket.Send(packet, to);
        }

        public void SkipTimestamp(uint samples) => _ts += samples;

        public void SendRawPacket(byte[] packet, IPEndPoint to) => _socket.Send(packet, to);

        public void SkipPacket(uint samples)
        {
            _seq++;
            _ts += samples;
        }

        public void SendDigit(IPEndPoint to, char digit)
        {
            var sender = new DtmfEventSender();
            sender.Start(digit, TimeSpan.FromMilliseconds(100));
            var packet = new byte[16];
            while (sender.Next(packet.AsSpan(12), out var marker))
            {
                RtpHeader.WriteFixed(packet, marker, 101, _seq++, _ts, Ssrc);
                _socket.Send(packet, to);
            }

            _ts += 800;
        }

        public void Dispose() => _socket.Dispose();
    }
}
