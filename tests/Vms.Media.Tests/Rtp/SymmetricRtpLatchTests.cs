using System.Net;
using Vms.Media.Rtp;

namespace Vms.Media.Tests.Rtp;

public class SymmetricRtpLatchTests
{
    private static readonly IPEndPoint Sdp = new(IPAddress.Parse("10.0.0.1"), 4000);
    private static readonly IPEndPoint Nat = new(IPAddress.Parse("127.0.0.9"), 61000);
    private static readonly IPEndPoint Other = new(IPAddress.Parse("127.0.0.10"), 62000);

    [Fact]
    public void Accept_FirstPacketFromNat_LatchesRealSource()
    {
        var latch = new SymmetricRtpLatch(Sdp, TimeSpan.FromSeconds(2));
        Assert.True(latch.Accept(Nat, 1, 0));
        Assert.Equal(Nat, latch.Remote);
    }

    [Fact]
    public void Accept_SecondSourceWhileLatchedActive_Refused()
    {
        var latch = new SymmetricRtpLatch(Sdp, TimeSpan.FromSeconds(2));
        latch.Accept(Nat, 1, 0);
        Assert.False(latch.Accept(Other, 2, TimeSpan.FromMilliseconds(100).Ticks));
        Assert.Equal(Nat, latch.Remote);
    }

    [Fact]
    public void Accept_NewSsrcAfterSilence_Relatches()
    {
        var latch = new SymmetricRtpLatch(Sdp, TimeSpan.FromSeconds(2));
        latch.Accept(Nat, 1, 0);
        Assert.True(latch.Accept(Other, 2, TimeSpan.FromSeconds(3).Ticks));
        Assert.Equal(Other, latch.Remote);
    }
}
