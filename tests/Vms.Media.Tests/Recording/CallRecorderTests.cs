using System.Net;
using Vms.Media.Codecs;
using Vms.Media.Playback;
using Vms.Media.Recording;
using Vms.Media.Tests.TestSupport;
using Vms.Media.Wav;
using Vms.Testing;

namespace Vms.Media.Tests.Recording;

[Collection(AllocationMeasurement.Name)]
public class CallRecorderTests
{
    private static readonly byte[] Loud = Enumerable.Repeat(G711.LinearToAlaw(4000), 160).ToArray();
    private static readonly byte[] Quiet = Enumerable.Repeat(G711.LinearToAlaw(1000), 160).ToArray();

    [Fact]
    public async Task Write_BothDirections_MixedIntoOneMonoFile()
    {
        using var stream = new MemoryStream();
        var recorder = new CallRecorder(stream, new RecordingOptions { Latency = TimeSpan.FromMilliseconds(20) }, null);
        for (var i = 0; i < 10; i++)
        {
            recorder.Write(0, 1, (uint)(i * 160), Loud, G711Law.Alaw);
            recorder.Write(1, 2, (uint)(9000 + (i * 160)), Quiet, G711Law.Alaw);
            recorder.WriteFrame();
        }

        var result = await recorder.StopAsync();
        var wav = WavReader.Read(stream.ToArray()).File!;
        Assert.Equal((WavEncoding.Alaw, 8000, 1), (wav.Format.Encoding, wav.Format.SampleRate, wav.Format.Channels));
        Assert.Equal(1600, wav.FrameCount);
        Assert.Equal(TimeSpan.FromMilliseconds(200), result.Duration);
        var pcm = wav.ToMonoPcm16();
        Assert.All(pcm[..160], s => Assert.InRange(s, -8, 8)); // latency frame before the first packet
        Assert.InRange(pcm[400], 4800, 5200); // 4000 + 1000 (G.711 steps)
    }

    [Fact]
    public async Task Write_TimestampGap_SilenceWhereAudioIsMissing()
    {
        using var stream = new MemoryStream();
        var recorder = new CallRecorder(stream, new RecordingOptions { Latency = TimeSpan.FromMilliseconds(20) }, null);
        for (var i = 0; i < 20; i++)
        {
            if (i is < 5 or >= 15)
            {
                recorder.Write(0, 7, (uint)(i * 160), Loud, G711Law.Alaw);
            }

            recorder.WriteFrame();
        }

        await recorder.StopAsync();
        var pcm = WavReader.Read(stream.ToArray()).File!.ToMonoPcm16();
        Assert.All(pcm.Skip(160).Take(800), s => Assert.True(Math.Abs(s) > 100)); // frames 0–4 (after 1 frame latency)
        Assert.All(pcm.Skip(160 + 800).Take(1600), s => Assert.InRange(s, -8, 8)); // the gap: silence
        Assert.All(pcm.Skip(160 + 2400).Take(160 * 4), s => Assert.True(Math.Abs(s) > 100)); // audio resumes at its timestamp
    }

    [Fact]
    public async Task Write_ReorderedPackets_LandAtTheirTimestamps()
    {
        using var stream = new MemoryStream();
        var recorder = new CallRecorder(stream, new RecordingOptions { Latency = TimeSpan.FromMilliseconds(100) }, null);
        recorder.Write(0, 7, 0, Loud, G711Law.Alaw);
        recorder.Write(0, 7, 320, Loud, G711Law.Alaw);
        recorder.Write(0, 7, 160, Quiet, G711Law.Alaw); // late but within the latency
        for (var i = 0; i < 10; i++)
        {
            recorder.WriteFrame();
        }

        await recorder.StopAsync();
        var pcm = WavReader.Read(stream.ToArray()).File!.ToMonoPcm16();
        Assert.InRange(pcm[800 + 160 + 10], 900, 1100);
        Assert.InRange(pcm[800 + 320 + 10], 3800, 4200);
    }

    [Fact]
    public async Task Pause_SilenceRecordedAndTimelineKept()
    {
        using var stream = new MemoryStream();
        var recorder = new CallRecorder(stream, new RecordingOptions { Latency = TimeSpan.FromMilliseconds(20) }, null);
        for (var i = 0; i < 30; i++)
        {
            if (i == 10)
            {
                recorder.Pause();
            }

            if (i == 20)
            {
                recorder.Resume();
            }

            recorder.Write(0, 7, (uint)(i * 160), Loud, G711Law.Alaw);
            recorder.WriteFrame();
        }

        var result = await recorder.StopAsync();
        Assert.Equal(TimeSpan.FromMilliseconds(600), result.Duration);
        var pcm = WavReader.Read(stream.ToArray()).File!.ToMonoPcm16();
        Assert.All(pcm.Skip(11 * 160).Take(9 * 160), s => Assert.InRange(s, -8, 8));
        Assert.True(pcm[22 * 160] > 100);
    }

    [Fact]
    public async Task WriteFrame_SizeCapReached_StopsCleanlyWithValidFile()
    {
        using var stream = new MemoryStream();
        var recorder = new CallRecorder(stream, new RecordingOptions { MaxBytes = 58 + 8000 }, null);
        for (var i = 0; i < 100; i++)
        {
            recorder.WriteFrame();
        }

        var result = await recorder.Completion;
        Assert.Equal(RecordingStopReason.SizeCapReached, result.Reason);
        var bytes = stream.ToArray();
        Assert.True(bytes.Length <= 58 + 8000);
        Assert.Equal(result.FileBytes, bytes.Length);
        Assert.Equal(TimeSpan.FromMilliseconds(980), WavReader.Read(bytes).File!.Duration);
    }

    [Fact]
    public async Task WriteFrame_TwoMinutesBothDirections_AboutOneMegabyteAndNothingKeptInMemory()
    {
        var stream = new DiscardingSeekableStream();
        var recorder = new CallRecorder(stream, new RecordingOptions(), null);
        for (var i = 0; i < 100; i++)
        {
            recorder.Write(0, 1, (uint)(i * 160), Loud, G711Law.Alaw);
            recorder.Write(1, 2, (uint)(i * 160), Quiet, G711Law.Alaw);
            recorder.WriteFrame();
        }

        var frame = 100;
        var allocated = SteadyStateAllocation.FewestBytes(() =>
        {
            for (var end = frame + 1000; frame < end; frame++)
            {
                recorder.Write(0, 1, (uint)(frame * 160), Loud, G711Law.Alaw);
                recorder.Write(1, 2, (uint)(frame * 160), Quiet, G711Law.Alaw);
                recorder.WriteFrame();
            }
        });

        for (; frame < 6000; frame++)
        {
            recorder.Write(0, 1, (uint)(frame * 160), Loud, G711Law.Alaw);
            recorder.Write(1, 2, (uint)(frame * 160), Quiet, G711Law.Alaw);
            recorder.WriteFrame();
        }

        Assert.Equal(0, allocated); // streamed: no per-frame memory
        var result = await recorder.StopAsync();
        Assert.Equal(TimeSpan.FromMinutes(2), result.Duration);
        Assert.Equal(58 + 960_000, result.FileBytes); // 8,000 bytes per second: about 1 MB per 2 minutes
    }

    [Fact]
    public async Task StartRecording_SessionPlaysAndPeerTalks_FileOnDiskHasBothAndIsReadableWhileRecording()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vms-rec-{Guid.NewGuid():N}.wav");
        try
        {
            using var rig = new MediaRig();
            await using var session = rig.NewSession();
            using var peer = rig.NewPeer(30000);
            session.AcceptOffer(MediaRig.OfferFrom(30000));
            var recorder = session.StartRecording(path, new RecordingOptions());
            _ = session.PlayAsync(Prompt.Tone("tone", 1000, TimeSpan.FromSeconds(2)));
            var to = new IPEndPoint(IPAddress.Loopback, session.LocalRtpPort);
            var peerTone = Prompt.Tone("peer", 440, TimeSpan.FromSeconds(2)).GetEncoded(G711Law.Alaw);
            for (var i = 0; i < 75; i++)
            {
                peer.SendAudio(to, peerTone.Span.Slice(i * 160, 160));
                rig.Ticks(1);
            }

            await rig.Engine.Recordings.WhenDrainedAsync(); // the file is written by the engine's writer thread
            var partial = WavReader.Read(await ReadShared(path));
            Assert.True(partial.IsSuccess, partial.Error);
            Assert.True(partial.File!.FrameCount >= 8000); // flushed each second
            var result = await recorder.StopAsync();
            Assert.Equal(RecordingStopReason.Stopped, result.Reason);
            var pcm = WavReader.ReadFile(path).File!.ToMonoPcm16();
            Assert.Equal(75 * 160, pcm.Length);
            var middle = pcm.AsSpan(4000, 4000).ToArray();
            Assert.True(Power(middle, 1000) > 100 * Power(middle, 700));
            Assert.True(Power(middle, 440) > 100 * Power(middle, 700));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<byte[]> ReadShared(string path)
    {
        await using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var bytes = new byte[s.Length];
        await s.ReadExactlyAsync(bytes);
        return bytes;
    }

    internal static double Power(short[] x, double frequency)
    {
        var c = 2 * Math.Cos(2 * Math.PI * frequency / 8000);
        double s1 = 0, s2 = 0;
        foreach (var v in x)
        {
            var s0 = v + (c * s1) - s2;
            s2 = s1;
            s1 = s0;
        }

        return (s1 * s1) + (s2 * s2) - (c * s1 * s2);
    }
}
