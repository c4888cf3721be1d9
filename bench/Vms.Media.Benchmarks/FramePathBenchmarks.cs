using System.Net;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Vms.Media.Codecs;
using Vms.Media.Playback;
using Vms.Media.Recording;
using Vms.Media.Rtp;
using Vms.Media.Transport;

namespace Vms.Media.Benchmarks;

/// <summary>
/// One 20 ms frame through the hot paths, on the in-memory network (no kernel cost): a relayed packet
/// (receive on leg A, rewrite, send out of leg B), a player tick (prompt frame to RTP), a recorder frame.
/// The allocation column is the figure of interest (target 0).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class FramePathBenchmarks : IDisposable
{
    private readonly byte[] _packet = new byte[172];
    private InMemoryRtpNetwork _network = null!;
    private MediaEngine _engine = null!;
    private MediaSession _a = null!;
    private MediaSession _b = null!;
    private MediaSession _player = null!;
    private IRtpSocket _peerA = null!;
    private IRtpSocket _peerB = null!;
    private IRtpSocket _peerP = null!;
    private IPEndPoint _toA = null!;
    private CallRecorder _recorder = null!;
    private long _tick;
    private ushort _seq;

    [GlobalSetup]
    public void Setup()
    {
        _network = new InMemoryRtpNetwork();
        _engine = new MediaEngine(new MediaEngineOptions { MinPort = 40000, MaxPort = 40099 }, new ManualTime(), _network);
        _a = _engine.CreateSession().Session!;
        _b = _engine.CreateSession().Session!;
        _player = _engine.CreateSession().Session!;
        _peerA = Peer(30000);
        _peerB = Peer(31000);
        _peerP = Peer(32000);
        _a.AcceptOffer(Offer(30000));
        _b.AcceptOffer(Offer(31000));
        _player.AcceptOffer(Offer(32000));
        _ = _a.Bridge(_b);
        _toA = new IPEndPoint(IPAddress.Loopback, _a.LocalRtpPort);
        _ = _player.PlayAsync(Prompt.Tone("long", 1000, TimeSpan.FromHours(1)));
        _recorder = new CallRecorder(new Vms.Media.Tests.TestSupport.DiscardingSeekableStream(), new RecordingOptions(), null);
        RtpHeader.WriteFixed(_packet, false, 8, 0, 0, 77);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _recorder.Dispose();
        _engine.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public void RelayOnePacket()
    {
        _seq++;
        RtpHeader.Rewrite(_packet, _seq, (uint)(_seq * 160), 77);
        _peerA.Send(_packet, _toA);
    }

    [Benchmark]
    public void PlayerOneTick() => ((IMediaClockListener)_player).OnMediaTick(++_tick);

    [Benchmark]
    public void RecorderOneFrame()
    {
        _seq++;
        _recorder.Write(0, 77, (uint)(_seq * 160), _packet.AsSpan(12, 160), G711Law.Alaw);
        _recorder.WriteFrame();
    }

    private IRtpSocket Peer(int port)
    {
        var socket = _network.Bind(new IPEndPoint(IPAddress.Loopback, port));
        socket.Start(new Sink());
        return socket;
    }

    private static byte[] Offer(int port) => System.Text.Encoding.ASCII.GetBytes(
        $"v=0\r\no=p 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {port} RTP/AVP 8 101\r\na=rtpmap:101 telephone-event/8000\r\n");

    private sealed class Sink : IDatagramReceiver
    {
        public void OnDatagram(IRtpSocket socket, ReadOnlySpan<byte> data, IPEndPoint source)
        {
        }
    }
}
