using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Vms.Media.Rtp;

namespace Vms.Media.Benchmarks;

/// <summary>
/// A cheap RTP load generator: a few UDP sockets serve the far ends of all streams (symmetric RTP latches each
/// VMS leg to where its packets come from, so one socket can stand for many phones). One sender thread paces
/// every stream at exactly 50 packets/s, the streams' phases spread evenly over the 20 ms period, sending what
/// is due every ~100 µs with sendmmsg. Each packet carries its CLOCK_REALTIME send time (taken just before the
/// sendmmsg) and its stream id; one receiver thread per socket drains it with non-blocking recvmmsg every
/// ~200 µs and takes the kernel receive time of each datagram (SO_TIMESTAMPNS), so the one-way time excludes
/// the generator's own scheduling. Polling rather than blocking matters on loopback: a blocked receiver must
/// be woken by the sender's system call, which would charge an inter-processor wake-up to the relay under test
/// for every packet (a cost a remote phone never puts on VMS).
/// </summary>
internal sealed class LoadGenerator : IDisposable
{
    public const int PacketSize = 172;
    private const int SendBatch = 16;
    private readonly Socket[] _sockets;
    private readonly Thread[] _receivers;
    private volatile Phase? _phase;
    private volatile bool _stopping;

    public LoadGenerator(int socketCount)
    {
        _sockets = new Socket[socketCount];
        _receivers = new Thread[socketCount];
        for (var g = 0; g < socketCount; g++)
        {
            var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)
            {
                ReceiveBufferSize = 8 * 1024 * 1024,
                SendBufferSize = 4 * 1024 * 1024,
                ReceiveTimeout = 100,
            };
            s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var one = 1;
            _ = BenchNative.SetSockOpt(Fd(s), BenchNative.SolSocket, BenchNative.SoTimestampNs, ref one, sizeof(int));
            _sockets[g] = s;
            var index = g;
            _receivers[g] = new Thread(() => Receive(index)) { IsBackground = true, Name = $"gen-rx-{g}" };
            _receivers[g].Start();
        }
    }

    public int SocketCount => _sockets.Length;

    /// <summary>The port standing for the far end of <paramref name="stream"/>.</summary>
    public int PortFor(int stream) => ((IPEndPoint)_sockets[stream % _sockets.Length].LocalEndPoint!).Port;

    /// <summary>Sends every stream to its target for <paramref name="seconds"/>, waits for stragglers, returns the figures.</summary>
    public PhaseResult Run(int id, IPEndPoint[] targets, int seconds, int drainMilliseconds = 500) =>
        Run(Prepare(id, targets, seconds), drainMilliseconds);

    /// <summary>Allocates everything a run needs (so a run itself allocates nothing in this process).</summary>
    public PreparedRun Prepare(int id, IPEndPoint[] targets, int seconds)
    {
        var phase = new Phase(id, targets.Length, _sockets.Length);
        var batches = Enumerable.Range(0, _sockets.Length).Select(_ => new MessageBatch(SendBatch, PacketSize, withControl: false)).ToArray();
        var sender = new Thread(() => Send(phase, batches, targets, seconds)) { Name = "gen-tx", Priority = ThreadPriority.AboveNormal };
        return new PreparedRun(phase, sender, seconds);
    }

    /// <summary>Runs a prepared run.</summary>
    public PhaseResult Run(PreparedRun run, int drainMilliseconds = 500)
    {
        ArgumentNullException.ThrowIfNull(run);
        _phase = run.Phase;
        run.Sender.Start();
        run.Sender.Join();
        var sendSeconds = run.Phase.SendSeconds;
        Thread.Sleep(drainMilliseconds); // real packets in flight through real sockets: wait for the last to arrive
        _phase = null;
        Thread.Sleep(150); // receivers finish their current batch
        var allocated = GC.GetTotalAllocatedBytes(precise: true); // before the result's own allocations
        return run.Phase.Result(run.Seconds, sendSeconds) with { AllocatedAtEnd = allocated };
    }

    public void Dispose()
    {
        _stopping = true;
        foreach (var t in _receivers)
        {
            t.Join();
        }

        foreach (var s in _sockets)
        {
            s.Dispose();
        }
    }

    private static int Fd(Socket s) => (int)s.SafeHandle.DangerousGetHandle();

    private static int WriteName(IPEndPoint endPoint, Span<byte> name)
    {
        name.Clear();
        BinaryPrimitives.WriteUInt16LittleEndian(name, 2); // AF_INET
        BinaryPrimitives.WriteUInt16BigEndian(name[2..], (ushort)endPoint.Port);
        endPoint.Address.TryWriteBytes(name.Slice(4, 4), out _);
        return 16;
    }

    private void Send(Phase phase, MessageBatch[] batches, IPEndPoint[] targets, int seconds)
    {
        var streams = targets.Length;
        var sockets = _sockets.Length;
        var names = new byte[streams * 16];
        for (var s = 0; s < streams; s++)
        {
            WriteName(targets[s], names.AsSpan(s * 16, 16));
        }

        var counts = new int[sockets];

        var sequence = new ushort[streams];
        var period = Stopwatch.Frequency / 50;
        var start = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 100);
        var total = (long)seconds * 50 * streams;
        long k = 0;
        while (k < total)
        {
            var now = Stopwatch.GetTimestamp();
            while (k < total)
            {
                var stream = (int)(k % streams);
                var due = start + ((k / streams) * period) + (stream * period / streams);
                if (due > now)
                {
                    break;
                }

                phase.RecordLag((now - due) * 1_000_000 / Stopwatch.Frequency);
                var g = stream % sockets;
                var i = counts[g]++;
                var packet = batches[g].Buffer(i);
                var seq = sequence[stream]++;
                RtpHeader.WriteFixed(packet, false, 8, seq, (uint)(seq * 160), (uint)stream + 1);
                BinaryPrimitives.WriteInt32LittleEndian(packet[20..], (phase.Id << 24) | stream);
                names.AsSpan(stream * 16, 16).CopyTo(batches[g].Name(i));
                batches[g].Prepare(i, PacketSize, 16);
                if (counts[g] == SendBatch)
                {
                    Flush(phase, g, batches[g], counts[g]);
                    counts[g] = 0;
                }

                k++;
            }

            for (var g = 0; g < sockets; g++)
            {
                if (counts[g] > 0)
                {
                    Flush(phase, g, batches[g], counts[g]);
                    counts[g] = 0;
                }
            }

            if (k < total)
            {
                _ = BenchNative.USleep(100);
            }
        }

        // From the first packet's due time to the end of the last send: the achieved rate's time base.
        phase.SendSeconds = (Stopwatch.GetTimestamp() - start) / (double)Stopwatch.Frequency;
    }

    private void Flush(Phase phase, int g, MessageBatch batch, int count)
    {
        var stamp = BenchNative.RealtimeNs();
        for (var i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(batch.Buffer(i)[12..], stamp);
        }

        var sent = BenchNative.SendMmsg(Fd(_sockets[g]), batch.Address, (uint)count, 0);
        phase.AddSent(Math.Max(sent, 0), count - Math.Max(sent, 0));
    }

    private void Receive(int g)
    {
        var batch = new MessageBatch(64, 2048, withControl: true);
        var fd = Fd(_sockets[g]);
        while (!_stopping)
        {
            for (var i = 0; i < batch.Capacity; i++)
            {
                batch.PrepareReceive(i);
            }

            var n = BenchNative.RecvMmsg(fd, batch.Address, (uint)batch.Capacity, BenchNative.MsgDontWait, 0);
            if (n <= 0)
            {
                _ = BenchNative.USleep(200);
                continue;
            }

            if (_phase is not { } phase)
            {
                continue;
            }

            for (var i = 0; i < n; i++)
            {
                var data = batch.Buffer(i);
                if (batch.Length(i) != PacketSize || (data[1] & 0x7F) != 8)
                {
                    continue;
                }

                var id = BinaryPrimitives.ReadInt32LittleEndian(data[20..]);
                var stream = id & 0xFFFFFF;
                if (id >> 24 != phase.Id || stream >= phase.Streams)
                {
                    continue;
                }

                var at = batch.KernelTimestampNs(i);
                var sentAt = BinaryPrimitives.ReadInt64LittleEndian(data[12..]);
                phase.Received(g, stream, ((at != 0 ? at : BenchNative.RealtimeNs()) - sentAt) / 1000);
            }
        }
    }
}
