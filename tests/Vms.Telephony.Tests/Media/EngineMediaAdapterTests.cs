using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vms.Media;
using Vms.Media.Transport;
using Vms.Telephony.Media;
using Vms.Telephony.Tests.Fakes;

namespace Vms.Telephony.Tests.Media;

/// <summary>The overload guard on the media side: a cap on port pairs, and socket exhaustion (EMFILE) as a refusal.</summary>
public sealed class EngineMediaAdapterTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly List<MediaEngine> _engines = [];

    [Fact]
    public void TryAllocate_CapReached_RefusedUntilAPairIsReleased()
    {
        var engine = Engine(new InMemoryRtpNetwork());
        var adapter = new EngineMediaAdapter(engine, new PromptLibrary(engine, "none"), maxPairs: 2);

        var a = adapter.TryAllocate();
        var b = adapter.TryAllocate();
        var refused = adapter.TryAllocate();

        Assert.NotNull(a);
        Assert.NotNull(b);
        Assert.Null(refused);
        Assert.Equal(2, engine.Ports.InUse);
        Assert.Equal(1, adapter.Refused);
        a.Dispose();
        var again = adapter.TryAllocate();
        Assert.NotNull(again);
        Assert.Equal(2, adapter.InUse);
        b!.Dispose();
        again.Dispose();
        Assert.Equal(0, adapter.InUse);
    }

    [Fact]
    public void TryAllocate_SocketsExhaustedEmfile_RefusedAndNoPortKept()
    {
        var failing = new FailingSockets(new InMemoryRtpNetwork()) { FailFromCall = 1 };
        var engine = Engine(new GuardedRtpSocketFactory(failing));
        var adapter = new EngineMediaAdapter(engine, new PromptLibrary(engine, "none"));

        Assert.Null(adapter.TryAllocate());
        Assert.Equal(0, engine.Ports.InUse);
        Assert.Equal(0, adapter.InUse);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TryAllocate_UnguardedFactoryThrows_RefusedNotThrown(bool epollFailure)
    {
        var engine = Engine(new FailingSockets(new InMemoryRtpNetwork()) { FailFromCall = 0, EpollFailure = epollFailure });
        var adapter = new EngineMediaAdapter(engine, new PromptLibrary(engine, "none"));

        Assert.Null(adapter.TryAllocate());
        Assert.Equal(1, adapter.Refused);
        Assert.Equal(0, adapter.InUse);
    }

    [Fact]
    public void Accept_SocketsExhaustedEmfile_Caller503WithRetryAfter()
    {
        var engine = Engine(new GuardedRtpSocketFactory(new FailingSockets(new InMemoryRtpNetwork()) { FailFromCall = 0 }));
        var adapter = new EngineMediaAdapter(engine, new PromptLibrary(engine, "none"));
        var factory = new CallFactory(adapter, new FakeDialer(), _time, new TelephonyOptions(), NullLogger<InboundCall>.Instance);
        using var caller = new FakeInboundSession(PhoneSdp.Offer(4000, Vms.Media.Codecs.G711Law.Alaw));

        var call = factory.Accept(caller);

        Assert.Null(call);
        Assert.Equal(503, caller.Rejected!.Value.Status);
        Assert.Contains(caller.Rejected.Value.Headers!, h => h.Key == "Retry-After");
    }

    public void Dispose()
    {
        foreach (var engine in _engines)
        {
            engine.Dispose();
        }
    }

    private MediaEngine Engine(IRtpSocketFactory sockets)
    {
        var engine = new MediaEngine(new MediaEngineOptions { MinPort = 30000, MaxPort = 30019 }, _time, sockets);
        _engines.Add(engine);
        return engine;
    }

    /// <summary>Throws EMFILE (as <c>new Socket</c> does when the process is out of descriptors) from the Nth bind on.</summary>
    private sealed class FailingSockets(IRtpSocketFactory inner) : IRtpSocketFactory
    {
        private int _calls;

        public int FailFromCall { get; init; }

        /// <summary>Fail as the epoll receive threads do when epoll_create1 gets EMFILE.</summary>
        public bool EpollFailure { get; init; }

        public bool TryBind(IPAddress address, int port, out IRtpSocket? socket)
        {
            if (_calls++ >= FailFromCall)
            {
                throw EpollFailure
                    ? new InvalidOperationException("epoll_create1 failed (errno 24)")
                    : new SocketException((int)SocketError.TooManyOpenSockets);
            }

            return inner.TryBind(address, port, out socket);
        }
    }
}
