using System.Net;
using Vms.Media.Tests.TestSupport;
using Vms.Media.Transport;

namespace Vms.Media.Tests.Transport;

public class PortAllocationTests
{
    [Fact]
    public void TryAllocate_EvenPairsRoundRobinUntilExhausted()
    {
        var ports = new PortAllocator(20001, 20008); // pairs 20002, 20004, 20006
        Assert.Equal(3, ports.Capacity);
        Assert.True(ports.TryAllocate(out var a));
        Assert.True(ports.TryAllocate(out var b));
        Assert.True(ports.TryAllocate(out var c));
        Assert.Equal([20002, 20004, 20006], new[] { a, b, c });
        Assert.False(ports.TryAllocate(out _));
        ports.Release(b);
        Assert.True(ports.TryAllocate(out var again));
        Assert.Equal(20004, again);
    }

    [Fact]
    public void Release_Unknown_Ignored()
    {
        var ports = new PortAllocator(20000, 20003);
        ports.Release(20001);
        ports.Release(99999);
        Assert.Equal(0, ports.InUse);
    }

    [Fact]
    public async Task CreateSession_RangeExhausted_ErrorResultNotException()
    {
        using var rig = new MediaRig(40000, 40003);
        await using var one = rig.NewSession();
        await using var two = rig.NewSession();
        var third = rig.Engine.CreateSession();
        Assert.False(third.IsSuccess);
        Assert.Contains("exhausted", third.Error, StringComparison.Ordinal);
        await one.DisposeAsync();
        Assert.True(rig.Engine.CreateSession().Session is { } s && await Dispose(s));
    }

    [Fact]
    public async Task CreateSession_PortTakenByAnotherProgram_SkipsToNextPair()
    {
        using var rig = new MediaRig(40000, 40005);
        using var squatter = rig.Network.Bind(new IPEndPoint(IPAddress.Loopback, 40001));
        await using var session = rig.NewSession();
        Assert.Equal(40002, session.LocalRtpPort);
        Assert.Equal(1, rig.Engine.Ports.InUse);
    }

    [Fact]
    public void MediaEngine_InvalidOptions_RefusedAtStartup()
    {
        var e = Assert.Throws<ArgumentException>(() => new MediaEngine(new MediaEngineOptions { MinPort = 5000, MaxPort = 4000, Codecs = [] }));
        Assert.Contains("MaxPort", e.Message, StringComparison.Ordinal);
        Assert.Contains("codec", e.Message, StringComparison.Ordinal);
    }

    private static async Task<bool> Dispose(MediaSession s)
    {
        await s.DisposeAsync();
        return true;
    }
}
