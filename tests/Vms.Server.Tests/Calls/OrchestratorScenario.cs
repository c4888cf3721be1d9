using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vms.Media.Codecs;
using Vms.Server.Features.Calls;
using Vms.Server.Features.Calls.Counters;
using Vms.Server.Features.Calls.Limits;
using Vms.Server.Features.Calls.Live;
using Vms.Server.Features.Calls.Records;
using Vms.Server.Features.Calls.Trunks;
using Vms.Telephony;
using Vms.Telephony.Tests.Fakes;

namespace Vms.Server.Tests.Calls;

/// <summary>The orchestration of one node with fake SIP sessions, fake media and a fake clock.</summary>
internal sealed class OrchestratorScenario : IDisposable
{
    public const string Number = "+3222110000";
    public static readonly Guid Customer = Guid.Parse("22222222-2222-2222-2222-222222222222");

    private readonly TestMeterFactory _meters = new();
    private readonly string _spool = Path.Combine(Path.GetTempPath(), "vms-orch-" + Guid.NewGuid().ToString("N"), "spool.jsonl");

    public OrchestratorScenario(string treeJson, CallRateLimitOptions? limits = null)
    {
        Snapshots = FakeSnapshotProvider.For(Customer, Number, treeJson);
        Options = new CallsOptions { NodeId = "test-node" };
        Options.Trunks.TrustedPeers.Add("127.0.0.0/8");
        Options.Trunks.PbxTrunks.Add(new PbxTrunkOptions { Name = "customer pbx", Address = "10.9.9.0/24", CustomerId = Customer });
        Counters = new LiveCallCounters(_meters, Time);
        Writer = new CallRecordWriter(Store, new CallRecordSpool(_spool), new CallRecordWriterOptions(), Time, NullLogger<CallRecordWriter>.Instance);
        var factory = new CallFactory(Media, Dialer, Time, new TelephonyOptions(), NullLogger<InboundCall>.Instance);
        Orchestrator = new CallOrchestrator(
            factory,
            Snapshots,
            new TrunkDirectory(Options.Trunks),
            new CallRateLimiter(limits ?? new CallRateLimitOptions(), Time),
            Live,
            Counters,
            Active,
            Writer,
            Options,
            Time,
            NullLogger<CallOrchestrator>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    public FakeDialer Dialer { get; } = new();
    public FakeMediaEngine Media { get; } = new(16);
    public FakeSnapshotProvider Snapshots { get; }
    public CallsOptions Options { get; }
    public LiveCallState Live { get; } = new();
    public LiveCallCounters Counters { get; }
    public ActiveCallRegistry Active { get; } = new();
    public FlakyCallRecordStore Store { get; } = new();
    public CallRecordWriter Writer { get; }
    public CallOrchestrator Orchestrator { get; }

    /// <summary>The prompts the caller heard, without the customer prefix of their file names.</summary>
    public IReadOnlyList<string> Played => Media.Endpoints[0].Played.Select(p => p.StartsWith(Customer.ToString("N") + "-", StringComparison.Ordinal) ? p[33..] : p).ToList();

    public (FakeInboundSession Caller, Task Run) Call(string number = Number, string source = "127.0.0.1")
    {
        var caller = new FakeInboundSession(PhoneSdp.Offer(4000, G711Law.Alaw, G711Law.Ulaw), called: number)
        {
            Source = new System.Net.IPEndPoint(System.Net.IPAddress.Parse(source), 5060),
        };
        return (caller, Orchestrator.HandleAsync(caller, CancellationToken.None));
    }

    /// <summary>The records written so far (drains the writer into the fake store).</summary>
    public async Task<CallRecordData> SingleRecordAsync()
    {
        await Writer.DrainAsync(CancellationToken.None);
        return Assert.Single(Store.Saved);
    }

    /// <summary>Waits (without sleeping) until the call's own task reaches a state.</summary>
    public static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 200_000; i++)
        {
            if (condition())
            {
                return;
            }

            await Task.Yield();
        }

        Assert.Fail("the condition was never reached");
    }

    public void Dispose()
    {
        _meters.Dispose();
        Writer.Dispose();
        var dir = Path.GetDirectoryName(_spool)!;
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, true);
        }
    }
}
