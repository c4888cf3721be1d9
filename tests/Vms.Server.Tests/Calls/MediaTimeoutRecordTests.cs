using Microsoft.Extensions.DependencyInjection;
using Vms.Server.Features.Calls;
using Vms.Server.Tests.Support;
using Vms.Telephony;

namespace Vms.Server.Tests.Calls;

/// <summary>A connected call whose media stops (BYE lost, peer gone): VMS ends it and the record says why.</summary>
public class MediaTimeoutRecordTests
{
    private const string Forward = """
    {
      "root": "office",
      "nodes": [
        { "id": "office", "type": "forward", "number": "+3222345678", "ringTimeoutSeconds": 20, "default": "goodbye" },
        { "id": "goodbye", "type": "announcement", "prompt": "goodbye" }
      ]
    }
    """;

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ConnectedCall_NoMediaFor60Seconds_EndedAndRecordedAsMediaTimeout()
    {
        using var s = new OrchestratorScenario(Forward);
        var (caller, run) = s.Call();
        s.Dialer.Last.Answer();
        await s.Media.FirstBridge.Task.WaitAsync(Bound); // the media check starts just before the relay
        var callee = s.Dialer.Last;

        for (var i = 0; i < 11; i++)
        {
            s.Time.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.False(run.IsCompleted);
        s.Time.Advance(TimeSpan.FromSeconds(5));
        await run.WaitAsync(Bound);

        Assert.True(caller.ByeSent);
        Assert.True(callee.ByeSent);
        Assert.Contains("media timeout", caller.ByeReason, StringComparison.Ordinal);
        Assert.Contains("media timeout", callee.ByeReason, StringComparison.Ordinal);
        var record = await s.SingleRecordAsync().WaitAsync(Bound);
        Assert.Equal(CallRun.MediaTimeoutOutcome, record.Outcome);
        Assert.Equal("media-timeout", record.Outcome);
        Assert.Equal("system", record.EndedBy);
        Assert.Equal(200, record.SipStatus);
        Assert.NotNull(record.AnsweredAt);
        Assert.Equal(TimeSpan.FromSeconds(60), record.EndedAt - record.AnsweredAt!.Value);
        Assert.Equal("answered", Assert.Single(record.Legs).Outcome);
        Assert.Empty(s.Active.Snapshot());
        Assert.Equal(0, s.Counters.ActiveTotal);
        Assert.Equal((1L, 1L), (Assert.Single(s.Counters.Snapshot()).Answered, s.Counters.MediaTimeoutsTotal));
        Assert.Equal(16, s.Media.FreePorts);
    }

    [Fact]
    public async Task ConnectedCall_MediaFlowing_NotEndedAndRecordedAsAnswered()
    {
        using var s = new OrchestratorScenario(Forward);
        var (caller, run) = s.Call();
        s.Dialer.Last.Answer();
        await s.Media.FirstBridge.Task.WaitAsync(Bound);

        for (var i = 0; i < 36; i++)
        {
            s.Media.Endpoints[0].PacketsReceived += 250;
            s.Time.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.False(run.IsCompleted);
        caller.CallerHangsUp();
        await run.WaitAsync(Bound);

        var record = await s.SingleRecordAsync().WaitAsync(Bound);
        Assert.Equal("answered", record.Outcome);
        Assert.Equal("caller", record.EndedBy);
        Assert.Null(s.Dialer.Last.ByeReason);
        Assert.Equal(0, s.Counters.MediaTimeoutsTotal);
    }

    [Fact]
    [Trait("kind", "integration")]
    public async Task AddCalls_MediaTimeoutSecondsSetting_ReachesTheCallLayer()
    {
        await using var app = await VmsApp.StartAsync(TestDatabase.Sqlite, new Dictionary<string, string?>
        {
            ["Calls:MediaTimeoutSeconds"] = "15",
            ["Calls:RtpMinPort"] = "37600",
            ["Calls:RtpMaxPort"] = "37699",
        });

        Assert.Equal(TimeSpan.FromSeconds(15), app.Services.GetRequiredService<TelephonyOptions>().MediaTimeout);
        Assert.Equal(60, new CallsOptions().MediaTimeoutSeconds);
    }
}
