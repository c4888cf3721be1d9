using System.Net;
using Vms.Media.Codecs;
using Vms.Media.Dtmf;
using Vms.Media.Playback;
using Vms.Media.Relay;
using Vms.Media.Rtp;
using Vms.Media.Tests.TestSupport;

namespace Vms.Media.Tests.Relay;

public class MediaBridgeTests
{
    private sealed class Call : IAsyncDisposable
    {
        public Call(MediaRig rig, string formatsA = "8 101", string formatsB = "8 101")
        {
            A = rig.NewSession();
            B = rig.NewSession();
            PeerA = rig.NewPeer(30000);
            PeerB = rig.NewPeer(31000);
            Assert.True(A.AcceptOffer(MediaRig.OfferFrom(30000, formatsA)).IsAccepted);
            Assert.True(B.AcceptOffer(MediaRig.OfferFrom(31000, formatsB)).IsAccepted);
            ToA = new IPEndPoint(IPAddress.Loopback, A.LocalRtpPort);
            ToB = new IPEndPoint(IPAddress.Loopback, B.LocalRtpPort);
        }

        public MediaSession A { get; }

        public MediaSession B { get; }

        public MediaRig.Peer PeerA { get; }

        public MediaRig.Peer PeerB { get; }

        public IPEndPoint ToA { get; }

        public IPEndPoint ToB { get; }

        public async ValueTask DisposeAsync()
        {
            await A.DisposeAsync();
            await B.DisposeAsync();
            PeerA.Dispose();
            PeerB.Dispose();
        }
    }

    [Fact]
    public async Task Bridge_AudioFromA_ArrivesAtBAsBsOwnStream()
    {
        using var rig = new MediaRig();
        await using var call = new Call(rig);
        using var bridge = call.A.Bridge(call.B);
        for (var i = 0; i < 5; i++)
        {
            call.PeerA.SendAudio(call.ToA, new byte[160]);
        }

        var got = call.PeerB.Rtp.Select(r => r.Header).ToList();
        Assert.Equal(5, got.Count);
        Assert.All(got, h => Assert.Equal(call.B.Sender.Ssrc, h.Ssrc));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => (ushort)(got[0].SequenceNumber + i)), got.Select(h => h.SequenceNumber));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => got[0].Timestamp + (uint)(160 * i)), got.Select(h => h.Timestamp));
        Assert.True(got[0].Marker);
    }

    [Fact]
    public async Task Bridge_SourceSsrcChangesAfterTransfer_OutputSequenceContinuesAndMarkerSet()
    {
        using var rig = new MediaRig();
        await using var call = new Call(rig);
        using var bridge = call.A.Bridge(call.B);
        call.PeerA.SendAudio(call.ToA, new byte[160]);
        call.PeerA.SendAudio(call.ToA, new byte[160]);
        rig.Ticks(3);
        call.PeerA.Ssrc = 0x1234; // a new source after a transfer, with its own timestamps
        call.PeerA.SkipTimestamp(123456);
        call.PeerA.SendAudio(call.ToA, new byte[160]);
        call.PeerA.SendAudio(call.ToA, new byte[160]);
        var got = call.PeerB.Rtp.Select(r => r.Header).ToList();
        Assert.Equal(4, got.Count);
        Assert.Equal(Enumerable.Range(0, 4).Select(i => (ushort)(got[0].SequenceNumber + i)), got.Select(h => h.SequenceNumber));
        Assert.Single(got.Select(h => h.Ssrc).Distinct());
        Assert.True(got[2].Marker);
        Assert.Equal(got[0].Timestamp + (3 * 160u), got[2].Timestamp); // re-based on the media clock (3 ticks later), not a jump
        Assert.Equal(got[2].Timestamp + 160u, got[3].Timestamp);
    }

    [Fact]
    public async Task Bridge_AnnouncementOnBInBetween_RelayRebasesAfterIt()
    {
        using var rig = new MediaRig();
        await using var call = new Call(rig);
        using var bridge = call.A.Bridge(call.B);
        call.PeerA.SendAudio(call.ToA, new byte[160]);
        var play = call.B.PlayAsync(Prompt.Tone("beep", 1000, TimeSpan.FromMilliseconds(60)));
        rig.Ticks(4);
        await play;
        call.PeerA.SendAudio(call.ToA, new byte[160]);
        var got = call.PeerB.Rtp.Select(r => r.Header).ToList();
        Assert.Equal(5, got.Count);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => (ushort)(got[0].SequenceNumber + i)), got.Select(h => h.SequenceNumber));
        Assert.True(got[4].Marker);
        Assert.True(got[4].Timestamp - got[3].Timestamp is > 0 and <= 320);
    }

    [Fact]
    public async Task Bridge_PcmuToPcma_Transcoded()
    {
        using var rig = new MediaRig(codecs: [G711Law.Ulaw, G711Law.Alaw]);
        await using var call = new Call(rig, "0 101", "8 101");
        using var bridge = call.A.Bridge(call.B);
        var tone = Prompt.Tone("t", 1000, TimeSpan.FromMilliseconds(20));
        call.PeerA.SendAudio(call.ToA, tone.GetEncoded(G711Law.Ulaw).Span, pt: 0);
        var (h, p) = Assert.Single(call.PeerB.Rtp);
        Assert.Equal(8, h.PayloadType);
        var back = new short[160];
        G711.Decode(G711Law.Alaw, h.GetPayload(p), back);
        var original = new short[160];
        G711.Decode(G711Law.Ulaw, tone.GetEncoded(G711Law.Ulaw).Span, original);
        Assert.All(Enumerable.Range(0, 160), i => Assert.InRange(back[i] - original[i], -260, 260));
    }

    [Fact]
    public async Task Bridge_DtmfPassThrough_ForwardedAndReported()
    {
        using var rig = new MediaRig();
        await using var call = new Call(rig);
        using var bridge = call.A.Bridge(call.B, new BridgeOptions { PassDtmf = true });
        var seen = new List<char>();
        call.A.DigitReceived += e => seen.Add(e.Digit);
        call.PeerA.SendDigit(call.ToA, '5');
        Assert.Equal(['5'], seen);
        var events = call.PeerB.Rtp.Where(r => r.Header.PayloadType == 101).ToList();
        Assert.NotEmpty(events);
        var receiver = new DtmfEventReceiver();
        var forwarded = new List<char>();
        receiver.DigitEnded += e => forwarded.Add(e.Digit);
        foreach (var (h, p) in events)
        {
            receiver.Receive(h, h.GetPayload(p), 0);
        }

        Assert.Equal(['5'], forwarded);
    }

    [Fact]
    public async Task Bridge_DtmfToLegWithoutTelephoneEvent_ConvertedToInBandTones()
    {
        using var rig = new MediaRig();
        await using var call = new Call(rig, "8 101", "8");
        using var bridge = call.A.Bridge(call.B, new BridgeOptions { PassDtmf = true });
        var silence = Enumerable.Repeat(G711.AlawSilence, 160).ToArray();
        var packet = new byte[172];
        ushort seq = 1;
        uint ts = 1000;
        void Audio()
        {
            RtpHeader.WriteFixed(packet, false, 8, seq++, ts, 42);
            silence.CopyTo(packet, 12);
            call.PeerA.SendRawPacket(packet, call.ToA);
            ts += 160;
        }

        void Event(byte code, bool end, ushort duration, uint start)
        {
            var e = new byte[16];
            RtpHeader.WriteFixed(e, duration == 0, 101, seq++, start, 42);
            new TelephoneEventPayload(code, end, 10, duration).Write(e.AsSpan(12));
            call.PeerA.SendRawPacket(e, call.ToA);
        }

        for (var i = 0; i < 5; i++)
        {
            Audio();
        }

        var start = ts;
        for (var i = 0; i < 8; i++)
        {
            Event(9, false, (ushort)(i * 160), start);
            Audio();
        }

        for (var i = 0; i < 3; i++)
        {
            Event(9, true, 1280, start);
        }

        for (var i = 0; i < 10; i++)
        {
            Audio();
        }

        Assert.DoesNotContain(call.PeerB.Rtp, r => r.Header.PayloadType == 101);
        var detector = new DtmfToneDetector();
        var heard = new List<char>();
        detector.DigitDetected += heard.Add;
        foreach (var (h, p) in call.PeerB.Rtp)
        {
            var pcm = new short[h.PayloadLength];
            G711.Decode(G711Law.Alaw, h.GetPayload(p), pcm);
            detector.Process(pcm);
        }

        Assert.Equal(['9'], heard);
        Assert.Equal(23, call.PeerB.Received.Count);
    }

    [Fact]
    public async Task Bridge_DtmfIntercepted_NotForwardedButReported()
    {
        using var rig = new MediaRig();
        await using var call = new Call(rig);
        using var bridge = call.A.Bridge(call.B, new BridgeOptions { PassDtmf = false });
        var collect = call.A.CollectDigitsAsync(new DtmfCollectOptions { MaxDigits = 1 });
        call.PeerA.SendDigit(call.ToA, '9');
        Assert.Equal("9", (await collect).Digits);
        Assert.DoesNotContain(call.PeerB.Rtp, r => r.Header.PayloadType == 101);
    }

    [Fact]
    public async Task StartRecording_Bridge_BothDirectionsInFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vms-bridge-{Guid.NewGuid():N}.wav");
        try
        {
            using var rig = new MediaRig();
            await using var call = new Call(rig);
            using var bridge = call.A.Bridge(call.B);
            var recorder = bridge.StartRecording(path, new Media.Recording.RecordingOptions());
            var a = Prompt.Tone("a", 440, TimeSpan.FromSeconds(1)).GetEncoded(G711Law.Alaw);
            var b = Prompt.Tone("b", 1000, TimeSpan.FromSeconds(1)).GetEncoded(G711Law.Alaw);
            for (var i = 0; i < 50; i++)
            {
                call.PeerA.SendAudio(call.ToA, a.Span.Slice(i * 160, 160));
                call.PeerB.SendAudio(call.ToB, b.Span.Slice(i * 160, 160));
                rig.Ticks(1);
            }

            await recorder.StopAsync();
            var pcm = Media.Wav.WavReader.ReadFile(path).File!.ToMonoPcm16().AsSpan(2000, 4000).ToArray();
            Assert.True(Recording.CallRecorderTests.Power(pcm, 440) > 100 * Recording.CallRecorderTests.Power(pcm, 700));
            Assert.True(Recording.CallRecorderTests.Power(pcm, 1000) > 100 * Recording.CallRecorderTests.Power(pcm, 700));
            Assert.Equal(50, call.PeerB.Rtp.Count(r => r.Header.PayloadType == 8));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Dispose_Bridge_StopsRelaying()
    {
        using var rig = new MediaRig();
        await using var call = new Call(rig);
        var bridge = call.A.Bridge(call.B);
        bridge.Dispose();
        call.PeerA.SendAudio(call.ToA, new byte[160]);
        Assert.Empty(call.PeerB.Received);
        _ = RtpParseStatus.Ok;
    }
}
