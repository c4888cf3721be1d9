using Vms.Media.Codecs;
using Vms.Media.Recording;
using Vms.Media.Wav;

namespace Vms.Media.Tests.Rtp;

/// <summary>
/// The recorder (owned by the relay/recording work, used here through its public API) fed with peers that send
/// 10, 30, 40 or 60 ms packets, or change size mid-call, while the media clock writes 20 ms frames: the mix must
/// have no holes and both directions must be present throughout.
/// </summary>
public class PacketSizeRecordingTests
{
    private static readonly short LoudLevel = G711.AlawToLinear(G711.LinearToAlaw(4000));
    private static readonly short QuietLevel = G711.AlawToLinear(G711.LinearToAlaw(1000));

    [Theory]
    [InlineData("80", "160")]
    [InlineData("240", "160")]
    [InlineData("320", "480")]
    [InlineData("480", "80")]
    [InlineData("160,480,240,80,320", "480,160")]
    public async Task Write_PeersWithOtherPacketSizes_MixHasNoHoles(string sizesA, string sizesB)
    {
        using var stream = new MemoryStream();
        var recorder = new CallRecorder(stream, new RecordingOptions(), null);
        var a = new Peer(Sizes(sizesA), 0x0A, G711.LinearToAlaw(4000));
        var b = new Peer(Sizes(sizesB), 0x0B, G711.LinearToAlaw(1000));
        for (var ms = 10; ms <= 3000; ms += 10)
        {
            a.SendDue(recorder, 0, ms);
            b.SendDue(recorder, 1, ms);
            if (ms % 20 == 0)
            {
                recorder.WriteFrame();
            }
        }

        var result = await recorder.StopAsync();
        Assert.Equal(0, result.LatePackets);
        var pcm = WavReader.Read(stream.ToArray()).File!.ToMonoPcm16();
        var first = Array.FindIndex(pcm, s => Math.Abs(s) > 100);
        Assert.InRange(first, 0, 8 * 300); // within latency plus one 60 ms packet
        var mixed = LoudLevel + QuietLevel;

        // From one packet after the start to the end of the file, both directions every sample: no silence, no gap.
        var steady = pcm[(first + 480)..];
        Assert.True(steady.Length > 8 * 2400, $"only {steady.Length} samples recorded");
        Assert.All(steady, s => Assert.InRange(s, mixed - 300, mixed + 300));
    }

    private static int[] Sizes(string text) => [.. text.Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>A peer that sends a packet as soon as it has captured enough audio for the next packet size.</summary>
    private sealed class Peer(int[] sizes, uint ssrc, byte code)
    {
        private long _sent;
        private int _index;

        public void SendDue(CallRecorder recorder, int direction, int nowMs)
        {
            while (true)
            {
                var size = sizes[_index % sizes.Length];
                if ((nowMs * 8L) - _sent < size)
                {
                    return;
                }

                recorder.Write(direction, ssrc, unchecked((uint)(12345 + _sent)), Enumerable.Repeat(code, size).ToArray(), G711Law.Alaw);
                _sent += size;
                _index++;
            }
        }
    }
}
