using Vms.Media.Dtmf;
using Vms.Media.Rtp;

namespace Vms.Media.Tests.Dtmf;

/// <summary>RFC 4733 §2.5.1.3 / §2.5.2.3: events longer than the 16-bit duration field, sent as segments.</summary>
[Trait("rfc", "4733")]
public class DtmfLongEventTests
{
    private const uint Start = 1_000_000;

    /// <summary>
    /// Segment length, press length (8 kHz units), packet step, what happens to the packets on the way, and the
    /// expected outcome: one digit, its duration and whether the E bit was seen.
    /// </summary>
    public static TheoryData<string, int, int, int, string, int, bool> Cases() => new()
    {
        { "10 s, 0xFFFF segments", 65535, 80000, 160, "none", 80000, true },
        { "10 s, segments on the 20 ms grid", 65440, 80000, 160, "none", 80000, true },
        { "20 s, three segments", 65535, 160000, 160, "none", 160000, true },
        { "30 ms packets", 65535, 80000, 240, "none", 80000, true },
        { "60 ms packets, 120 ms-grid segments", 65280, 100000, 480, "none", 100000, true },
        { "exactly one full segment", 65535, 65535, 160, "none", 65535, true },
        { "one unit over a segment", 65535, 65536, 160, "none", 65536, true },
        { "boundary packets swapped", 65535, 80000, 160, "swap-boundary", 80000, true },
        { "boundary packets lost", 65535, 80000, 160, "lose-boundary", 80000, true },
        { "second segment's first packets lost", 65440, 80000, 160, "lose-segment-start", 80000, true },
        { "first segment lost entirely", 65535, 80000, 160, "lose-first-segment", 80000 - 65535, true },
        { "end packets lost", 65535, 80000, 160, "lose-end", 80000 - 160, false },
        { "shuffled within 100 ms", 65535, 80000, 160, "shuffle-local", 80000, true },
        { "end arrives before the rest", 65535, 80000, 160, "end-first", 80000 - 65535, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Receive_LongEventInSegments_ReportedOnce(string name, int segment, int total, int step, string damage, int duration, bool endSeen)
    {
        var packets = Damage(Segments('5', Start, total, segment, step), damage);
        var (started, ended) = Run(packets);
        Assert.True(ended.Count == 1, $"{name}: {ended.Count} digits");
        var e = ended[0];
        Assert.Equal('5', e.Digit);
        Assert.Equal(endSeen, e.EndSeen);
        Assert.Equal(duration, e.Duration);
        Assert.Single(started);
    }

    [Fact]
    public void Receive_BoundaryGapLongerThanTimeout_ClosedOnceNotReportedAgain()
    {
        // 600 ms without packets at the segment boundary: the timeout closes the press, its next segment follows it.
        var packets = Segments('7', Start, 80000, 65535, 160)
            .Where(p => p.Timestamp == Start + 65535 || p.Duration <= 65535 - 4800)
            .ToList();
        var (started, ended) = Run(packets);
        var e = Assert.Single(ended);
        Assert.Equal(('7', Start, false), (e.Digit, e.Timestamp, e.EndSeen));
        Assert.Single(started);
    }

    [Fact]
    public void Receive_SameKeyTwiceEndsLost_TwoDigits()
    {
        // Short presses of one key whose end packets were lost are not segments (the gap is far below 65,535).
        var first = Segments('3', Start, 800, 65535, 160).Where(p => !p.End);
        var second = Segments('3', Start + 2400, 800, 65535, 160);
        var (_, ended) = Run([.. first, .. second]);
        Assert.Equal([Start, Start + 2400], ended.Select(e => e.Timestamp));
    }

    [Fact]
    public void Receive_LongPressThenOtherKeyAtSegmentOffset_TwoDigits()
    {
        var first = Segments('1', Start, 60000, 65535, 160).Where(p => !p.End);
        var second = Segments('2', Start + 65535, 800, 65535, 160);
        var (_, ended) = Run([.. first, .. second]);
        Assert.Equal("12", new string([.. ended.Select(e => e.Digit)]));
    }

    [Fact]
    public void Receive_SameKeyAfterLongPressEnded_NewDigit()
    {
        // The first press ended with its E bit: a press starting one segment later is a new one.
        var first = Segments('9', Start, 60000, 65535, 160);
        var second = Segments('9', Start + 65535, 800, 65535, 160);
        var (_, ended) = Run([.. first, .. second]);
        Assert.Equal([(Start, 60000), (Start + 65535, 800)], ended.Select(e => (e.Timestamp, e.Duration)));
    }

    [Theory]
    [InlineData(160, 10_000)]
    [InlineData(160, 20_000)]
    [InlineData(240, 9_000)]
    [InlineData(480, 8_190)]
    [InlineData(160, 8_180)]
    public void Sender_LongPress_SegmentsOnGridAndReceiverCountsOnce(int step, int milliseconds)
    {
        var sender = new DtmfEventSender { Step = step };
        Assert.True(sender.Start('#', TimeSpan.FromMilliseconds(milliseconds)));
        var packets = new List<Packet>();
        var buffer = new byte[4];
        var markers = 0;
        while (sender.Next(buffer, out var marker, out var offset))
        {
            markers += marker ? 1 : 0;
            Assert.True(TelephoneEventPayload.TryRead(buffer, out var v));
            Assert.Equal(0u, offset % (uint)sender.SegmentDuration);
            Assert.Equal(0u, offset % (uint)step);
            packets.Add(new Packet(Start + offset, v.Event, v.Duration, v.End));
        }

        var total = milliseconds * 8;
        Assert.Equal(1, markers);
        Assert.Equal(3, packets.Count(p => p.End));
        Assert.All(packets.Where(p => p.End), p => Assert.Equal(packets[^1], p));
        var last = packets[^1];
        Assert.Equal(total, (int)(last.Timestamp - Start) + last.Duration);
        var e = Assert.Single(Run(packets).Ended);
        Assert.Equal(new DtmfEvent('#', Start, total, true), e);
    }

    [Fact]
    public void SendQueue_TenSecondPress_SegmentTimestampsOnTheMediaClock()
    {
        var queue = new DtmfSendQueue();
        var stream = new RtpSender(0x11, 100, Start);
        queue.Enqueue("5", TimeSpan.FromSeconds(10));
        var packets = new List<Packet>();
        var buffer = new byte[64];
        for (long tick = 0; tick < 600; tick++)
        {
            var length = queue.Next(buffer, stream, 101, tick);
            if (length > 0)
            {
                Assert.Equal(RtpParseStatus.Ok, RtpHeader.TryParse(buffer.AsSpan(0, length), out var h));
                Assert.True(TelephoneEventPayload.TryRead(h.GetPayload(buffer.AsSpan(0, length)), out var v));
                Assert.Equal(packets.Count == 0, h.Marker);
                packets.Add(new Packet(h.Timestamp, v.Event, v.Duration, v.End));
            }
        }

        Assert.Equal([Start, Start + 65440], packets.Select(p => p.Timestamp).Distinct());
        Assert.Equal(65440, packets.Where(p => p.Timestamp == Start).Max(p => p.Duration));
        Assert.Equal(new Packet(Start + 65440, 5, 80000 - 65440, true), packets[^1]);
        Assert.Equal(new DtmfEvent('5', Start, 80000, true), Assert.Single(Run(packets).Ended));
    }

    [Fact]
    public void Sender_ShortPress_SingleSegment()
    {
        var sender = new DtmfEventSender();
        sender.Start('1', TimeSpan.FromMilliseconds(100));
        var buffer = new byte[4];
        while (sender.Next(buffer, out _, out var offset))
        {
            Assert.Equal(0u, offset);
        }
    }

    internal static List<Packet> Segments(char digit, uint start, int total, int segment, int step)
    {
        var code = (byte)TelephoneEventPayload.FromDigit(digit);
        var packets = new List<Packet>();
        for (long elapsed = 0; elapsed < total; elapsed += step)
        {
            var s = elapsed == 0 ? 0 : (elapsed - 1) / segment;
            packets.Add(new Packet(start + (uint)(s * segment), code, (int)(elapsed - (s * segment)), false));
        }

        var last = (total - 1) / segment;
        var end = new Packet(start + (uint)(last * segment), code, total - (last * segment), true);
        packets.AddRange([end, end, end]);
        return packets;
    }

    private static List<Packet> Damage(List<Packet> packets, string damage)
    {
        var boundary = packets.FindIndex(p => p.Timestamp != packets[0].Timestamp);
        switch (damage)
        {
            case "swap-boundary":
                (packets[boundary - 1], packets[boundary]) = (packets[boundary], packets[boundary - 1]);
                (packets[boundary - 2], packets[boundary + 1]) = (packets[boundary + 1], packets[boundary - 2]);
                return packets;
            case "lose-boundary":
                packets.RemoveRange(boundary - 3, 5);
                return packets;
            case "lose-segment-start":
                packets.RemoveRange(boundary, 3);
                return packets;
            case "lose-first-segment":
                return packets[boundary..];
            case "lose-end":
                return [.. packets.Where(p => !p.End)];
            case "shuffle-local":
                var random = new Random(4733);
                for (var i = 0; i + 5 <= packets.Count; i += 5)
                {
                    var window = packets.GetRange(i, 5).ToArray();
                    random.Shuffle(window);
                    for (var j = 0; j < window.Length; j++)
                    {
                        packets[i + j] = window[j];
                    }
                }

                return packets;
            case "end-first":
                var end = packets[^1];
                return [end, .. packets];
            default:
                return packets;
        }
    }

    private static (List<char> Started, List<DtmfEvent> Ended) Run(List<Packet> packets)
    {
        var receiver = new DtmfEventReceiver();
        var started = new List<char>();
        var ended = new List<DtmfEvent>();
        receiver.DigitStarted += started.Add;
        receiver.DigitEnded += ended.Add;
        var packet = new byte[16];
        ushort seq = 1;
        var now = 0L;
        var previous = packets.Count > 0 ? packets[0] : default;
        foreach (var p in packets)
        {
            // Arrival time follows the packet's media time; the clock polls every 20 ms in between.
            var media = ((long)(p.Timestamp - Start) + p.Duration) * TimeSpan.TicksPerSecond / 8000;
            var target = Math.Max(now + TimeSpan.FromMilliseconds(1).Ticks, media);
            for (var t = now + TimeSpan.FromMilliseconds(20).Ticks; t < target; t += TimeSpan.FromMilliseconds(20).Ticks)
            {
                receiver.Poll(t);
            }

            now = target;
            RtpHeader.WriteFixed(packet, p == previous && seq == 1, 101, seq++, p.Timestamp, 0x4733);
            new TelephoneEventPayload(p.Event, p.End, 10, (ushort)p.Duration).Write(packet.AsSpan(12));
            Assert.Equal(RtpParseStatus.Ok, RtpHeader.TryParse(packet, out var header));
            receiver.Receive(header, header.GetPayload(packet), now);
        }

        receiver.Poll(now + TimeSpan.FromSeconds(5).Ticks);
        return (started, ended);
    }

    internal readonly record struct Packet(uint Timestamp, byte Event, int Duration, bool End);
}
