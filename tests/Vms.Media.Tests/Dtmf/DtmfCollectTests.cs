using System.Net;
using Vms.Media.Codecs;
using Vms.Media.Dtmf;
using Vms.Media.Tests.TestSupport;

namespace Vms.Media.Tests.Dtmf;

public class DtmfCollectTests
{
    [Fact]
    public async Task CollectDigitsAsync_MaxDigitsReached_Completes()
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        using var peer = rig.NewPeer(30000);
        session.AcceptOffer(MediaRig.OfferFrom(30000));
        var collect = session.CollectDigitsAsync(new DtmfCollectOptions { MaxDigits = 3 });
        var to = new IPEndPoint(IPAddress.Loopback, session.LocalRtpPort);
        foreach (var d in "4821")
        {
            peer.SendDigit(to, d);
        }

        Assert.Equal(new DtmfCollectResult("482", DtmfCollectStatus.MaxDigits), await collect);
    }

    [Fact]
    public async Task CollectDigitsAsync_Terminator_EndsWithoutTerminator()
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        using var peer = rig.NewPeer(30000);
        session.AcceptOffer(MediaRig.OfferFrom(30000));
        var collect = session.CollectDigitsAsync(new DtmfCollectOptions { MaxDigits = 10, Terminator = '#' });
        var to = new IPEndPoint(IPAddress.Loopback, session.LocalRtpPort);
        foreach (var d in "12#")
        {
            peer.SendDigit(to, d);
        }

        Assert.Equal(new DtmfCollectResult("12", DtmfCollectStatus.Terminator), await collect);
    }

    [Fact]
    public async Task CollectDigitsAsync_NoDigit_FirstDigitTimeoutOnFakeClock()
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        session.AcceptOffer(MediaRig.OfferFrom(30000));
        var collect = session.CollectDigitsAsync(new DtmfCollectOptions { FirstDigitTimeout = TimeSpan.FromSeconds(5) });
        rig.Time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(collect.IsCompleted);
        rig.Time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(new DtmfCollectResult(string.Empty, DtmfCollectStatus.FirstDigitTimeout), await collect);
    }

    [Fact]
    public async Task CollectDigitsAsync_PauseAfterDigits_InterDigitTimeout()
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        using var peer = rig.NewPeer(30000);
        session.AcceptOffer(MediaRig.OfferFrom(30000));
        var collect = session.CollectDigitsAsync(new DtmfCollectOptions { MaxDigits = 4, FirstDigitTimeout = TimeSpan.FromSeconds(5), InterDigitTimeout = TimeSpan.FromSeconds(2) });
        rig.Time.Advance(TimeSpan.FromSeconds(4));
        peer.SendDigit(new IPEndPoint(IPAddress.Loopback, session.LocalRtpPort), '9');
        rig.Time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(collect.IsCompleted);
        rig.Time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(new DtmfCollectResult("9", DtmfCollectStatus.InterDigitTimeout), await collect);
    }

    [Fact]
    public async Task CollectDigitsAsync_DiscardTypeAhead_IgnoresEarlierDigits()
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        using var peer = rig.NewPeer(30000);
        session.AcceptOffer(MediaRig.OfferFrom(30000));
        var to = new IPEndPoint(IPAddress.Loopback, session.LocalRtpPort);
        peer.SendDigit(to, '5');
        var collect = session.CollectDigitsAsync(new DtmfCollectOptions { DiscardTypeAhead = true });
        peer.SendDigit(to, '6');
        Assert.Equal("6", (await collect).Digits);
    }

    [Fact]
    public async Task CollectDigitsAsync_SessionDisposed_SessionEnded()
    {
        using var rig = new MediaRig();
        var session = rig.NewSession();
        var collect = session.CollectDigitsAsync(new DtmfCollectOptions());
        await session.DisposeAsync();
        Assert.Equal(DtmfCollectStatus.SessionEnded, (await collect).Status);
    }

    [Fact]
    public async Task CollectDigitsAsync_InBandTones_Detected()
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        using var peer = rig.NewPeer(30000);
        session.AcceptOffer(MediaRig.OfferFrom(30000, "0")); // no telephone-event: in-band detection turns on
        Assert.True(session.InBandDtmfDetection);
        var collect = session.CollectDigitsAsync(new DtmfCollectOptions { MaxDigits = 2 });
        var to = new IPEndPoint(IPAddress.Loopback, session.LocalRtpPort);
        foreach (var key in "39")
        {
            var pcm = DtmfToneDetectorTests.Tone(key, 100, 6000).Concat(new short[800]).ToArray();
            var codes = new byte[pcm.Length];
            G711.Encode(G711Law.Ulaw, pcm, codes);
            for (var i = 0; i + 160 <= codes.Length; i += 160)
            {
                peer.SendAudio(to, codes.AsSpan(i, 160), pt: 0);
            }
        }

        Assert.Equal(new DtmfCollectResult("39", DtmfCollectStatus.MaxDigits), await collect);
    }
}
