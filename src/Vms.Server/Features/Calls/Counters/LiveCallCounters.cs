using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Vms.Server.Features.Calls.Ladder;

namespace Vms.Server.Features.Calls.Counters;

/// <summary>
/// Live counters of the calls on this node, per customer and number: in progress, per minute, answered / busy /
/// no answer / failed. Kept in memory for the portal's live page and published as System.Diagnostics.Metrics
/// instruments (meter "Vms.Calls": vms_calls_started, _ended{outcome}, _active, _refused{reason}, _per_minute and
/// _media_timeouts on /metrics, labelled by customer and number; vms_calls_setup_delay_seconds, a histogram of the delay VMS adds
/// between a caller's INVITE in and the first INVITE out to the destination). Prometheus listens from start-up
/// (see <c>Features/Health/PrometheusMeters</c>), so nothing counted before the first scrape is lost.
/// </summary>
internal sealed class LiveCallCounters
{
    public const string MeterName = "Vms.Calls";

    /// <summary>Buckets of the setup-delay histogram, in seconds: fine from 0.5 ms to 1 s.</summary>
    public static readonly IReadOnlyList<double> SetupDelayBuckets =
    [
        0.0005, 0.001, 0.0015, 0.002, 0.0025, 0.003, 0.0035, 0.004, 0.0045, 0.005, 0.006, 0.0075,
        0.01, 0.015, 0.02, 0.03, 0.05, 0.075, 0.1, 0.2, 0.5, 1,
    ];

    private readonly ConcurrentDictionary<(Guid? Customer, string Number), NumberCounters> _numbers = new();
    private readonly MinuteWindow _allStarted = new();
    private readonly TimeProvider _time;
    private readonly Counter<long> _started;
    private readonly Counter<long> _ended;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _mediaTimeouts;
    private readonly UpDownCounter<long> _active;
    private readonly Histogram<double> _setupDelay;
    private long _activeTotal;
    private long _mediaTimeoutsTotal;

    public LiveCallCounters(IMeterFactory meters, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _time = time;
        var meter = meters.Create(MeterName);
        Meter = meter;
        _started = meter.CreateCounter<long>("started", "{call}", "Inbound calls accepted for routing");
        _ended = meter.CreateCounter<long>("ended", "{call}", "Calls ended, by outcome");
        _refused = meter.CreateCounter<long>("refused", "{call}", "Calls refused before routing, by reason (forbidden, rate-limited, unknown-number, inactive)");
        _mediaTimeouts = meter.CreateCounter<long>("media_timeouts", "{call}", "Answered calls VMS ended because no media came from a party (lost BYE, peer gone)");
        _active = meter.CreateUpDownCounter<long>("active", "{call}", "Calls in progress");
        meter.CreateObservableGauge("per_minute", () => (long)CallsLastMinute(), "{call}", "Calls started in the last 60 seconds on this node");
        _setupDelay = meter.CreateHistogram(
            "setup_delay_seconds",
            "s",
            "Delay VMS adds to call setup: caller's INVITE received to the first INVITE sent to the destination",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SetupDelayBuckets });
    }

    /// <summary>The host's counters, also fed by the transport's setup-delay stamps (<see cref="SipLadderStore.SetupDelays"/>).</summary>
    public LiveCallCounters(IMeterFactory meters, TimeProvider time, SipLadderStore ladder)
        : this(meters, time)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        ladder.SetupDelays.Sink = RecordSetupDelay;
    }

    /// <summary>The meter of these counters (tests listen to it alone).</summary>
    internal Meter Meter { get; }

    public long ActiveTotal => Interlocked.Read(ref _activeTotal);

    /// <summary>Answered calls this node ended for lack of media since start-up.</summary>
    public long MediaTimeoutsTotal => Interlocked.Read(ref _mediaTimeoutsTotal);

    public void CallStarted(Guid? customer, string number)
    {
        var c = _numbers.GetOrAdd((customer, number), static _ => new NumberCounters());
        Interlocked.Increment(ref c.Active);
        Interlocked.Increment(ref c.Total);
        Interlocked.Increment(ref _activeTotal);
        var second = _time.GetUtcNow().ToUnixTimeSeconds();
        c.Started.Add(second);
        _allStarted.Add(second);
        var tags = Tags(customer, number);
        _started.Add(1, tags);
        _active.Add(1, tags);
    }

    public void CallEnded(Guid? customer, string number, CallOutcome outcome)
    {
        var c = _numbers.GetOrAdd((customer, number), static _ => new NumberCounters());
        Interlocked.Decrement(ref c.Active);
        Interlocked.Decrement(ref _activeTotal);
        switch (outcome)
        {
            case CallOutcome.Answered:
                Interlocked.Increment(ref c.Answered);
                break;
            case CallOutcome.Busy:
                Interlocked.Increment(ref c.Busy);
                break;
            case CallOutcome.NoAnswer:
                Interlocked.Increment(ref c.NoAnswer);
                break;
            case CallOutcome.Failed:
                Interlocked.Increment(ref c.Failed);
                break;
            case CallOutcome.Rejected:
            case CallOutcome.RateLimited:
                Interlocked.Increment(ref c.Rejected);
                break;
            default:
                break;
        }

        var tags = Tags(customer, number);
        _active.Add(-1, tags);
        _ended.Add(1, [.. tags, new("outcome", OutcomeName(outcome))]);
    }

    /// <summary>
    /// An answered call VMS ended because its media stopped. It still ends as answered (it was answered, and its
    /// minutes are real); this counter tells an operator how many ended that way, e.g. after a peer lost its BYE.
    /// </summary>
    public void CallMediaTimedOut(Guid? customer, string number)
    {
        Interlocked.Increment(ref _mediaTimeoutsTotal);
        _mediaTimeouts.Add(1, Tags(customer, number));
    }

    /// <summary>One call's setup delay (INVITE in → first INVITE out), in seconds on the histogram.</summary>
    public void RecordSetupDelay(TimeSpan delay) => _setupDelay.Record(delay.TotalSeconds);

    /// <summary>A call refused before it was routed (403 untrusted peer, 503 rate limit, 404, 480).</summary>
    public void CallRefused(string reason) => _refused.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public int CallsLastMinute() => _allStarted.Total(_time.GetUtcNow().ToUnixTimeSeconds());

    /// <summary>The counters of every number, or of one customer's numbers.</summary>
    public IReadOnlyList<NumberCountersSnapshot> Snapshot(Guid? customer = null)
    {
        var second = _time.GetUtcNow().ToUnixTimeSeconds();
        return _numbers
            .Where(kv => customer is null || kv.Key.Customer == customer)
            .Select(kv => new NumberCountersSnapshot(
                kv.Key.Customer,
                kv.Key.Number,
                Interlocked.Read(ref kv.Value.Active),
                Interlocked.Read(ref kv.Value.Total),
                Interlocked.Read(ref kv.Value.Answered),
                Interlocked.Read(ref kv.Value.Busy),
                Interlocked.Read(ref kv.Value.NoAnswer),
                Interlocked.Read(ref kv.Value.Failed),
                Interlocked.Read(ref kv.Value.Rejected),
                kv.Value.Started.Total(second)))
            .OrderBy(s => s.Number, StringComparer.Ordinal)
            .ToList();
    }

    public static string OutcomeName(CallOutcome outcome) => outcome switch
    {
        CallOutcome.Answered => "answered",
        CallOutcome.Busy => "busy",
        CallOutcome.NoAnswer => "no-answer",
        CallOutcome.Failed => "failed",
        CallOutcome.Cancelled => "cancelled",
        CallOutcome.Rejected => "rejected",
        CallOutcome.Announcement => "announcement",
        CallOutcome.RateLimited => "rate-limited",
        _ => "other",
    };

    private static KeyValuePair<string, object?>[] Tags(Guid? customer, string number) =>
    [
        new("customer", customer?.ToString() ?? "none"),
        new("number", number),
    ];
}
