using System.Globalization;
using Vms.Media.Dtmf;
using Vms.Media.Rtp;
using Vms.Media.Tests.TestSupport;

namespace Vms.Media.Tests.Dtmf;

[Trait("rfc", "4733")]
public class DtmfEventReceiverTests
{
    public static TheoryData<string, char, uint> Captures()
    {
        var data = new TheoryData<string, char, uint>();
        foreach (var line in File.ReadAllLines(TestData.Path("rfc4733-dtmf", "expected.csv")).Skip(1))
        {
            var c = line.Split(',');
            data.Add(c[0], c[1] switch { "star" => '*', "pound" => '#', var d => d[0] }, uint.Parse(c[9], CultureInfo.InvariantCulture));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Receive_SippCapture_OneDigitWithFullDuration(string file, char digit, uint timestamp)
    {
        var events = Run(Packets(file));
        var e = Assert.Single(events);
        Assert.Equal(new DtmfEvent(digit, timestamp, 2240, true), e);
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Receive_ShuffledPackets_StillOneDigit(string file, char digit, uint timestamp)
    {
        var packets = Packets(file);
        var array = packets.ToArray();
        new Random(1234).Shuffle(array);
        var shuffled = array.ToList();
        var e = Assert.Single(Run(shuffled));
        Assert.Equal((digit, timestamp), (e.Digit, e.Timestamp));
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Receive_FirstPacketLost_StillOneDigit(string file, char digit, uint timestamp)
    {
        var e = Assert.Single(Run(Packets(file).Skip(1).ToList()));
        Assert.Equal((digit, timestamp, 2240), (e.Digit, e.Timestamp, e.Duration));
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Receive_EndPacketsLost_EndedOnceByTimeout(string file, char digit, uint timestamp)
    {
        var receiver = new DtmfEventReceiver();
        var events = new List<DtmfEvent>();
        receiver.DigitEnded += events.Add;
        var t = 0L;
        foreach (var p in Packets(file).Take(7))
        {
            Feed(receiver, p, t += TimeSpan.FromMilliseconds(20).Ticks);
        }

        receiver.Poll(t + TimeSpan.FromMilliseconds(100).Ticks);
        Assert.Empty(events);
        receiver.Poll(t + TimeSpan.FromMilliseconds(500).Ticks);
        receiver.Poll(t + TimeSpan.FromMilliseconds(900).Ticks);
        var e = Assert.Single(events);
        Assert.Equal(new DtmfEvent(digit, timestamp, 1920, false), e);
    }

    [Fact]
    public void Receive_TwoCapturesBackToBack_TwoDigitsInOrder()
    {
        var events = Run([.. Packets("dtmf_2833_1.pcap"), .. Packets("dtmf_2833_2.pcap")]);
        Assert.Equal("12", new string([.. events.Select(e => e.Digit)]));
    }

    [Fact]
    public void Receive_StartedRaisedOnFirstPacket_ForBargeIn()
    {
        var receiver = new DtmfEventReceiver();
        var started = new List<char>();
        receiver.DigitStarted += started.Add;
        Feed(receiver, Packets("dtmf_2833_5.pcap")[0], 0);
        Assert.Equal(['5'], started);
    }

    [Fact]
    public void Receive_ShortPayload_Ignored()
    {
        var receiver = new DtmfEventReceiver();
        var events = new List<DtmfEvent>();
        receiver.DigitEnded += events.Add;
        receiver.Receive(default, [1, 2], 0);
        Assert.Empty(events);
    }

    internal static List<byte[]> Packets(string file) => PcapReader.ReadUdpPayloads(TestData.Read("rfc4733-dtmf", "sipp-pcap", file));

    private static List<DtmfEvent> Run(List<byte[]> packets)
    {
        var receiver = new DtmfEventReceiver();
        var events = new List<DtmfEvent>();
        receiver.DigitEnded += events.Add;
        var t = 0L;
        foreach (var p in packets)
        {
            Feed(receiver, p, t += TimeSpan.FromMilliseconds(20).Ticks);
        }

        receiver.Poll(t + TimeSpan.FromSeconds(5).Ticks);
        return events;
    }

    private static void Feed(DtmfEventReceiver receiver, byte[] packet, long now)
    {
        Assert.Equal(RtpParseStatus.Ok, RtpHeader.TryParse(packet, out var h));
        Assert.Equal(101, h.PayloadType);
        receiver.Receive(h, h.GetPayload(packet), now);
    }
}
