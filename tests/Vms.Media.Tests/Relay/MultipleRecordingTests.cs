using System.Net;
using Vms.Media.Codecs;
using Vms.Media.Playback;
using Vms.Media.Recording;
using Vms.Media.Tests.Recording;
using Vms.Media.Tests.TestSupport;
using Vms.Media.Wav;

namespace Vms.Media.Tests.Relay;

/// <summary>Several recordings of one call at once (the customer's policy and a supervisor).</summary>
public class MultipleRecordingTests
{
    [Fact]
    public async Task StartRecording_TwiceOnOneBridge_BothFilesHoldBothDirections()
    {
        using var folder = new TempFolder();
        using var rig = new MediaRig();
        await using var a = rig.NewSession();
        await using var b = rig.NewSession();
        using var peerA = rig.NewPeer(30000);
        using var peerB = rig.NewPeer(31000);
        a.AcceptOffer(MediaRig.OfferFrom(30000, "8 101"));
        b.AcceptOffer(MediaRig.OfferFrom(31000, "8 101"));
        using var bridge = a.Bridge(b);
        var policy = bridge.StartRecording(folder.File("policy.wav"), new RecordingOptions());
        var supervisor = bridge.StartRecording(folder.File("supervisor.wav"), new RecordingOptions());

        Talk(rig, peerA, a, peerB, b, 50);
        await policy.StopAsync();
        await supervisor.StopAsync();

        foreach (var path in new[] { folder.File("policy.wav"), folder.File("supervisor.wav") })
        {
            var pcm = WavReader.ReadFile(path).File!.ToMonoPcm16().AsSpan(2000, 4000).ToArray();
            Assert.True(CallRecorderTests.Power(pcm, 440) > 100 * CallRecorderTests.Power(pcm, 700), path);
            Assert.True(CallRecorderTests.Power(pcm, 1000) > 100 * CallRecorderTests.Power(pcm, 700), path);
        }
    }

    [Fact]
    public async Task StopAsync_OneOfTwoRecordings_TheOtherGoesOn()
    {
        using var folder = new TempFolder();
        using var rig = new MediaRig();
        await using var a = rig.NewSession();
        await using var b = rig.NewSession();
        using var peerA = rig.NewPeer(30000);
        using var peerB = rig.NewPeer(31000);
        a.AcceptOffer(MediaRig.OfferFrom(30000, "8 101"));
        b.AcceptOffer(MediaRig.OfferFrom(31000, "8 101"));
        using var bridge = a.Bridge(b);
        var first = bridge.StartRecording(folder.File("first.wav"), new RecordingOptions());
        var second = bridge.StartRecording(folder.File("second.wav"), new RecordingOptions());

        Talk(rig, peerA, a, peerB, b, 20);
        var firstResult = await first.StopAsync();
        Talk(rig, peerA, a, peerB, b, 30);
        var secondResult = await second.StopAsync();

        Assert.Equal(TimeSpan.FromMilliseconds(400), firstResult.Duration);
        Assert.Equal(TimeSpan.FromSeconds(1), secondResult.Duration);
        var pcm = WavReader.ReadFile(folder.File("second.wav")).File!.ToMonoPcm16().AsSpan(4000, 3000).ToArray();
        Assert.True(CallRecorderTests.Power(pcm, 440) > 100 * CallRecorderTests.Power(pcm, 700));
    }

    [Fact]
    public async Task Dispose_BridgeWithTwoRecorders_BothDetachedAndSilentAfter()
    {
        using var folder = new TempFolder();
        using var rig = new MediaRig();
        await using var a = rig.NewSession();
        await using var b = rig.NewSession();
        using var peerA = rig.NewPeer(30000);
        using var peerB = rig.NewPeer(31000);
        a.AcceptOffer(MediaRig.OfferFrom(30000, "8 101"));
        b.AcceptOffer(MediaRig.OfferFrom(31000, "8 101"));
        var bridge = a.Bridge(b);
        var first = bridge.StartRecording(folder.File("first.wav"), new RecordingOptions { Latency = TimeSpan.FromMilliseconds(20) });
        var second = bridge.StartRecording(folder.File("second.wav"), new RecordingOptions { Latency = TimeSpan.FromMilliseconds(20) });

        bridge.Dispose();
        Talk(rig, peerA, a, peerB, b, 50);
        await first.StopAsync();
        await second.StopAsync();

        Assert.All(WavReader.ReadFile(folder.File("first.wav")).File!.ToMonoPcm16(), s => Assert.InRange(s, -8, 8));
        Assert.All(WavReader.ReadFile(folder.File("second.wav")).File!.ToMonoPcm16(), s => Assert.InRange(s, -8, 8));
    }

    [Fact]
    public async Task StartRecording_TwiceOnOneSession_BothStoppedWhenTheLegEnds()
    {
        using var folder = new TempFolder();
        using var rig = new MediaRig();
        var session = rig.NewSession();
        using var peer = rig.NewPeer(30000);
        session.AcceptOffer(MediaRig.OfferFrom(30000));
        var first = session.StartRecording(folder.File("first.wav"), new RecordingOptions());
        var second = session.StartRecording(folder.File("second.wav"), new RecordingOptions());
        var tone = Prompt.Tone("peer", 440, TimeSpan.FromSeconds(1)).GetEncoded(G711Law.Alaw);
        var to = new IPEndPoint(IPAddress.Loopback, session.LocalRtpPort);
        for (var i = 0; i < 50; i++)
        {
            peer.SendAudio(to, tone.Span.Slice(i * 160, 160));
            rig.Ticks(1);
        }

        await session.DisposeAsync();

        foreach (var result in new[] { await first.Completion, await second.Completion })
        {
            Assert.Equal(RecordingStopReason.SessionEnded, result.Reason);
            var pcm = WavReader.ReadFile(result.Path!).File!.ToMonoPcm16().AsSpan(2000, 4000).ToArray();
            Assert.True(CallRecorderTests.Power(pcm, 440) > 100 * CallRecorderTests.Power(pcm, 700));
        }
    }

    private static void Talk(MediaRig rig, MediaRig.Peer peerA, MediaSession a, MediaRig.Peer peerB, MediaSession b, int frames)
    {
        var toneA = Prompt.Tone("a", 440, TimeSpan.FromSeconds(2)).GetEncoded(G711Law.Alaw);
        var toneB = Prompt.Tone("b", 1000, TimeSpan.FromSeconds(2)).GetEncoded(G711Law.Alaw);
        var toA = new IPEndPoint(IPAddress.Loopback, a.LocalRtpPort);
        var toB = new IPEndPoint(IPAddress.Loopback, b.LocalRtpPort);
        for (var i = 0; i < frames; i++)
        {
            peerA.SendAudio(toA, toneA.Span.Slice(i * 160, 160));
            peerB.SendAudio(toB, toneB.Span.Slice(i * 160, 160));
            rig.Ticks(1);
        }
    }

    private sealed class TempFolder : IDisposable
    {
        private readonly string _path = Directory.CreateTempSubdirectory("vms-multirec-").FullName;

        public string File(string name) => Path.Combine(_path, name);

        public void Dispose() => Directory.Delete(_path, recursive: true);
    }
}
