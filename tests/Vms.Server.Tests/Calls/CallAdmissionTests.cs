using Microsoft.Extensions.Logging.Abstractions;
using Vms.Server.Features.Calls;
using Vms.Server.Features.Calls.Limits;
using Vms.Server.Features.Calls.Trunks;
using Vms.Telephony;

namespace Vms.Server.Tests.Calls;

/// <summary>The overload guard: a maximum of concurrent calls per node, 503 + Retry-After beyond it.</summary>
public class CallAdmissionTests
{
    private const string Forward = """
    { "root": "office", "nodes": [
      { "id": "office", "type": "forward", "number": "+3222345678", "ringTimeoutSeconds": 20, "default": "away" },
      { "id": "away", "type": "reject", "reason": "unavailable" } ] }
    """;

    [Fact]
    public void TryEnter_OverMax_RefusedCountedAndFreedOnLeave()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var admission = new CallAdmission(2, 7, time, NullLogger.Instance);

        Assert.True(admission.TryEnter());
        Assert.True(admission.TryEnter());
        Assert.False(admission.TryEnter());
        Assert.False(admission.TryEnter());
        Assert.Equal(2, admission.Refused);
        Assert.Equal(2, admission.Active);
        admission.Leave();
        Assert.True(admission.TryEnter());
        Assert.Equal(7, admission.RetryAfterSeconds);
    }

    [Theory]
    [InlineData(0, 40000, 49999, 20000L, 2500, 5000)] // the port range binds: 5,000 pairs
    [InlineData(0, 40000, 49999, 1024L, 128, 256)] // the file limit binds: (1024 − 512) / 2 pairs
    [InlineData(0, 40000, 40009, null, 2, 5)] // unknown file limit: ports only
    [InlineData(3, 40000, 49999, 20000L, 3, 7)] // configured: 2 pairs a call and a transfer's spare
    public void Compute_PortsAndFileLimit_CallsAndPairsWithinBoth(int configured, int min, int max, long? files, int calls, int pairs)
    {
        var capacity = NodeCallCapacity.Compute(configured, min, max, files, 512);

        Assert.Equal(calls, capacity.MaxCalls);
        Assert.Equal(pairs, capacity.MaxPairs);
    }

    [Fact]
    public async Task HandleAsync_NodeFull_Second503WithRetryAfterThenAcceptedWhenFirstEnds()
    {
        using var s = new OrchestratorScenario(Forward);
        var admission = new CallAdmission(1, 5, s.Time, NullLogger.Instance);
        var orchestrator = new CallOrchestrator(
            new CallFactory(s.Media, s.Dialer, s.Time, new TelephonyOptions(), NullLogger<InboundCall>.Instance),
            s.Snapshots, new TrunkDirectory(s.Options.Trunks), new CallRateLimiter(new CallRateLimitOptions(), s.Time), s.Live, s.Counters,
            s.Active, s.Writer, s.Options, s.Time, NullLogger<CallOrchestrator>.Instance, admission: admission);

        var first = new Telephony.Tests.Fakes.FakeInboundSession(Telephony.Tests.Fakes.PhoneSdp.Offer(4000, Vms.Media.Codecs.G711Law.Alaw), called: OrchestratorScenario.Number);
        var firstRun = orchestrator.HandleAsync(first, CancellationToken.None);
        s.Dialer.Last.Ring();
        using var second = new Telephony.Tests.Fakes.FakeInboundSession(Telephony.Tests.Fakes.PhoneSdp.Offer(4002, Vms.Media.Codecs.G711Law.Alaw), called: OrchestratorScenario.Number);
        await orchestrator.HandleAsync(second, CancellationToken.None);

        Assert.Equal(503, second.Rejected!.Value.Status);
        Assert.Contains(second.Rejected.Value.Headers!, h => h.Key == "Retry-After" && h.Value == "5");
        Assert.Single(s.Dialer.Sessions);
        Assert.Equal(1, admission.Refused);

        first.CallerCancels();
        await firstRun;
        Assert.Equal(0, admission.Active);
        using var third = new Telephony.Tests.Fakes.FakeInboundSession(Telephony.Tests.Fakes.PhoneSdp.Offer(4004, Vms.Media.Codecs.G711Law.Alaw), called: OrchestratorScenario.Number);
        var thirdRun = orchestrator.HandleAsync(third, CancellationToken.None);
        Assert.Equal(2, s.Dialer.Sessions.Count);
        third.CallerCancels();
        await thirdRun;
        first.Dispose();
    }
}
