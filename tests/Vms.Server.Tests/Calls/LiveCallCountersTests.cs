using System.Diagnostics.Metrics;
using Microsoft.Extensions.Time.Testing;
using Vms.Server.Features.Calls.Counters;

namespace Vms.Server.Tests.Calls;

public class LiveCallCountersTests
{
    private static readonly Guid Customer = Guid.Parse("11111111-1111-1111-1111-111111111111");

    [Fact]
    public void CallStartedEnded_CountsPerNumberAndOutcome()
    {
        using var meters = new TestMeterFactory();
        var counters = new LiveCallCounters(meters, new FakeTimeProvider());

        counters.CallStarted(Customer, "+3221110000");
        counters.CallStarted(Customer, "+3221110000");
        counters.CallStarted(null, "+3221119999");
        counters.CallEnded(Customer, "+3221110000", CallOutcome.Busy);

        var mine = Assert.Single(counters.Snapshot(Customer));
        Assert.Equal(1, mine.Active);
        Assert.Equal(2, mine.Total);
        Assert.Equal(1, mine.Busy);
        Assert.Equal(2, mine.CallsLastMinute);
        Assert.Equal(2, counters.ActiveTotal);
        Assert.Equal(2, counters.Snapshot().Count);
    }

    [Fact]
    public void CallsLastMinute_OlderThanSixtySeconds_NotCounted()
    {
        using var meters = new TestMeterFactory();
        var time = new FakeTimeProvider();
        var counters = new LiveCallCounters(meters, time);
        counters.CallStarted(Customer, "n");
        time.Advance(TimeSpan.FromSeconds(30));
        counters.CallStarted(Customer, "n");

        Assert.Equal(2, counters.CallsLastMinute());
        time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, counters.CallsLastMinute());
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, counters.CallsLastMinute());
    }

    [Fact]
    public void CallEnded_PublishesMetricWithOutcomeTag()
    {
        using var meters = new TestMeterFactory();
        var counters = new LiveCallCounters(meters, new FakeTimeProvider());
        var seen = new List<(string Name, long Value, string? Outcome)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == LiveCallCounters.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? outcome = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "outcome")
                {
                    outcome = tag.Value as string;
                }
            }

            seen.Add((instrument.Name, value, outcome));
        });
        listener.Start();

        counters.CallStarted(Customer, "n");
        counters.CallEnded(Customer, "n", CallOutcome.NoAnswer);

        Assert.Contains(("started", 1L, null), seen);
        Assert.Contains(("ended", 1L, "no-answer"), seen);
        Assert.Contains(("active", -1L, null), seen);
    }
}
