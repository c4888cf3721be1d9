using Vms.Media.Rtp;

namespace Vms.Media.Tests.Rtp;

[Trait("rfc", "3550")]
public class RtpReceiveStatisticsTests
{
    [Fact]
    public void Update_ContiguousStream_NoLossAndZeroJitter()
    {
        var stats = new RtpReceiveStatistics();
        for (var i = 0; i < 100; i++)
        {
            stats.Update(1, (ushort)(1000 + i), (uint)(160 * i), 5000 + (160 * i));
        }

        Assert.Equal(0, stats.CumulativeLost);
        Assert.Equal(0u, stats.Jitter);
        Assert.Equal(0, stats.TakeFractionLost());
    }

    [Fact]
    public void Update_SequenceWrapsWithLoss_CountsCyclesAndLoss()
    {
        var stats = new RtpReceiveStatistics();
        for (var i = 0; i < 40; i++)
        {
            if (i % 4 == 3)
            {
                continue; // lose one in four
            }

            stats.Update(1, (ushort)(65520 + i), (uint)(160 * i), 160 * i);
        }

        Assert.Equal(65536u + 22u, stats.ExtendedHighestSequence); // last received 65520 + 38
        
        Assert.Equal(9, stats.CumulativeLost);
        Assert.Equal(59, stats.TakeFractionLost()); // 9 of 39 × 256
    }

    [Fact]
    public void Update_A8VariableTransit_JitterGrows()
    {
        var stats = new RtpReceiveStatistics();
        for (var i = 0; i < 200; i++)
        {
            var delay = i % 2 == 0 ? 0 : 80; // 10 ms swings at 8 kHz
            stats.Update(1, (ushort)i, (uint)(160 * i), (160 * i) + delay);
        }

        Assert.InRange(stats.Jitter, 70u, 80u);
    }
}
