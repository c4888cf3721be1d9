using Vms.Media.Transport;

namespace Vms.Media.Tests.Transport;

public class ReceiveOptionsTests
{
    [Fact]
    public void Validate_Defaults_NoProblem()
    {
        Assert.Empty(new MediaEngineOptions().Validate());
    }

    [Theory]
    [InlineData(-1, 50)]
    [InlineData(65, 50)]
    [InlineData(1, -1)]
    [InlineData(1, 20_000)]
    public void Validate_ReceiveSettingsOutOfRange_Reported(int threads, int pollMicroseconds)
    {
        var options = new MediaEngineOptions { ReceiveThreads = threads, ReceivePollInterval = TimeSpan.FromMicroseconds(pollMicroseconds) };
        Assert.Single(options.Validate(), p => p.StartsWith("Receive", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(-21)]
    [InlineData(20)]
    public void Validate_ReceiveThreadNiceOutOfRange_Reported(int nice)
    {
        Assert.Single(new MediaEngineOptions { ReceiveThreadNice = nice }.Validate(), p => p.StartsWith("ReceiveThreadNice", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100)]
    public void Validate_ReceiveThreadRealtimePriorityOutOfRange_Reported(int priority)
    {
        Assert.Single(new MediaEngineOptions { ReceiveThreadRealtimePriority = priority }.Validate(), p => p.StartsWith("ReceiveThreadRealtimePriority", StringComparison.Ordinal));
    }

    [Fact]
    public void EpollLoop_RealtimePriority_AppliedWhenPrivileged()
    {
        // The test run is root on the CI machine; without CAP_SYS_NICE the setting is refused and reported so.
        var privileged = Environment.UserName == "root";
        using var loop = new EpollReceiveLoop("rt-test", TimeSpan.FromMicroseconds(50), nice: 0, realtimePriority: 5);

        var applied = SpinWait.SpinUntil(() => loop.RealtimeApplied, TimeSpan.FromSeconds(5));

        Assert.Equal(privileged, applied);
        Assert.Equal(5, loop.RealtimePriority);
    }

    [Fact]
    public async Task CreateSession_RealUdpEngine_PortsReleasedWhenTheSessionEnds()
    {
        using var engine = new MediaEngine(new MediaEngineOptions { MinPort = 47000, MaxPort = 47199, ReceiveThreads = 2 });
        var sessions = new List<MediaSession>();
        for (var i = 0; i < 10; i++)
        {
            var created = engine.CreateSession();
            Assert.True(created.IsSuccess, created.Error);
            sessions.Add(created.Session!);
        }

        foreach (var s in sessions)
        {
            await s.DisposeAsync();
        }

        Assert.Equal(0, engine.Ports.InUse);
        Assert.Equal(0, engine.SessionCount);
    }
}
