using Vms.Media.Dtmf;
using Vms.Media.Rtp;

namespace Vms.Media.Tests.Dtmf;

[Trait("rfc", "4733")]
public class DtmfEventSenderTests
{
    [Fact]
    public void Next_Digit280Ms_MatchesCaptureFieldsWith160Step()
    {
        var sender = new DtmfEventSender();
        Assert.True(sender.Start('7', TimeSpan.FromMilliseconds(280)));
        var payloads = new List<(TelephoneEventPayload Value, bool Marker)>();
        var buffer = new byte[4];
        while (sender.Next(buffer, out var marker))
        {
            Assert.True(TelephoneEventPayload.TryRead(buffer, out var v));
            payloads.Add((v, marker));
        }

        Assert.Equal(17, payloads.Count);
        Assert.True(payloads[0].Marker);
        Assert.All(payloads.Skip(1), p => Assert.False(p.Marker));
        Assert.Equal(Enumerable.Range(0, 14).Select(i => i * 160), payloads.Take(14).Select(p => (int)p.Value.Duration));
        Assert.All(payloads.Skip(14), p => Assert.Equal(new TelephoneEventPayload(7, true, 10, 2240), p.Value));
        Assert.All(payloads.Take(14), p => Assert.False(p.Value.End));
    }

    [Fact]
    public void Write_Rfc4733Figure1_VolumeMaskedTo6Bits()
    {
        var buffer = new byte[4];
        new TelephoneEventPayload(11, true, 0x3F, 0x1234).Write(buffer);
        Assert.Equal(new byte[] { 11, 0xBF, 0x12, 0x34 }, buffer);
        Assert.True(TelephoneEventPayload.TryRead([11, 0xFF, 0x12, 0x34], out var read));
        Assert.Equal(new TelephoneEventPayload(11, true, 0x3F, 0x1234), read); // R bit ignored, volume 0x3F
    }

    [Theory]
    [InlineData('x')]
    [InlineData(' ')]
    public void Start_NotADigit_Refused(char digit)
    {
        Assert.False(new DtmfEventSender().Start(digit, TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public void SenderToReceiver_RoundTrip_EachDigitOnce()
    {
        var receiver = new DtmfEventReceiver();
        var got = new List<DtmfEvent>();
        receiver.DigitEnded += got.Add;
        var sender = new DtmfEventSender();
        ushort seq = 100;
        uint ts = 8000;
        var packet = new byte[16];
        long now = 0;
        foreach (var digit in "0123456789*#ABCD")
        {
            sender.Start(digit, TimeSpan.FromMilliseconds(100));
            while (sender.Next(packet.AsSpan(12), out var marker))
            {
                RtpHeader.WriteFixed(packet, marker, 101, seq++, ts, 42);
                RtpHeader.TryParse(packet, out var h);
                receiver.Receive(h, h.GetPayload(packet), now += TimeSpan.FromMilliseconds(20).Ticks);
            }

            ts += 8000;
        }

        Assert.Equal("0123456789*#ABCD", new string([.. got.Select(e => e.Digit)]));
        Assert.All(got, e => Assert.Equal(800, e.Duration));
    }
}
