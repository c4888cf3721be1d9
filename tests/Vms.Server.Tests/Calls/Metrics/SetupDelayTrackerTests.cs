using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Vms.Server.Features.Calls.Counters;
using Vms.Server.Features.Calls.Ladder;

namespace Vms.Server.Tests.Calls.Metrics;

/// <summary>The setup delay VMS adds (caller's INVITE in → first INVITE out to the destination), stamped at the transport.</summary>
public sealed class SetupDelayTrackerTests
{
    private static readonly IPEndPoint Local = new(IPAddress.Loopback, 5060);
    private static readonly IPEndPoint Peer = new(IPAddress.Loopback, 5080);

    [Fact]
    public void Linked_InviteInThenInviteOut_ReportsTheDelayBetweenThem()
    {
        var time = new FakeTimeProvider();
        var tracker = new SetupDelayTracker(time);
        var delays = new List<TimeSpan>();
        tracker.Sink = delays.Add;

        tracker.Observe(Invite("caller-1", toTag: null));
        time.Advance(TimeSpan.FromMilliseconds(3));
        tracker.Observe(Invite("leg-1", toTag: null));
        time.Advance(TimeSpan.FromMilliseconds(50)); // ringing: not part of the setup delay
        tracker.Linked("leg-1", "caller-1");

        Assert.Equal([TimeSpan.FromMilliseconds(3)], delays);
        Assert.Equal(0, tracker.Pending);
    }

    [Fact]
    public void Observe_RetransmittedInvite_KeepsTheFirstStamp()
    {
        var time = new FakeTimeProvider();
        var tracker = new SetupDelayTracker(time);
        var delays = new List<TimeSpan>();
        tracker.Sink = delays.Add;

        tracker.Observe(Invite("caller-1", null));
        time.Advance(TimeSpan.FromMilliseconds(500));
        tracker.Observe(Invite("caller-1", null)); // T1 retransmission
        time.Advance(TimeSpan.FromMilliseconds(1));
        tracker.Observe(Invite("leg-1", null));
        tracker.Linked("leg-1", "caller-1");

        Assert.Equal([TimeSpan.FromMilliseconds(501)], delays);
    }

    [Fact]
    public void Linked_SecondLegOfTheSameCall_NotMeasuredAgain()
    {
        var time = new FakeTimeProvider();
        var tracker = new SetupDelayTracker(time);
        var delays = new List<TimeSpan>();
        tracker.Sink = delays.Add;
        tracker.Observe(Invite("caller-1", null));
        tracker.Observe(Invite("leg-1", null));
        tracker.Linked("leg-1", "caller-1");

        time.Advance(TimeSpan.FromSeconds(15)); // no answer → the tree's next destination
        tracker.Observe(Invite("leg-2", null));
        tracker.Linked("leg-2", "caller-1");

        Assert.Single(delays);
        Assert.Equal(0, tracker.Pending);
    }

    [Fact]
    public void Observe_ReInviteInDialogAndOtherMethods_NotStamped()
    {
        var tracker = new SetupDelayTracker(new FakeTimeProvider());

        tracker.Observe(Invite("caller-1", toTag: "abc"));
        tracker.Observe(Encoding.ASCII.GetBytes("BYE sip:a@b SIP/2.0\r\nCall-ID: caller-2\r\nTo: <sip:a@b>\r\n\r\n"));
        tracker.Observe(Encoding.ASCII.GetBytes("SIP/2.0 200 OK\r\nCall-ID: caller-3\r\nTo: <sip:a@b>\r\nCSeq: 1 INVITE\r\n\r\n"));

        Assert.Equal(0, tracker.Pending);
    }

    [Fact]
    public void Observe_UnclaimedStamps_ForgottenAfterTwoGenerations()
    {
        var time = new FakeTimeProvider();
        var tracker = new SetupDelayTracker(time);
        tracker.Observe(Invite("rejected-1", null)); // a 404: no leg is ever linked

        time.Advance(TimeSpan.FromSeconds(65));
        tracker.Observe(Invite("caller-2", null));
        Assert.Equal(2, tracker.Pending);
        time.Advance(TimeSpan.FromSeconds(65));
        tracker.Observe(Invite("caller-3", null));

        Assert.Equal(2, tracker.Pending); // rejected-1 is gone
    }

    [Theory]
    [InlineData("Call-ID: a1\r\nTo: <sip:+3222@vms>\r\n", "a1")]
    [InlineData("i: a2\r\nt: sip:+3222@vms\r\n", "a2")]
    [InlineData("To: \"Desk\" <sip:+3222@vms;tag=x>\r\ncall-id:  a3 \r\n", "a3")]
    [InlineData("To: <sip:+3222@vms>;tag=1928\r\nCall-ID: a4\r\n", null)]
    [InlineData("To: <sip:+3222@vms> ; TAG = 1928\r\nCall-ID: a5\r\n", null)]
    [InlineData("Call-ID: a6\r\n", null)]
    public void InitialInviteCallId_Headers_CallIdOnlyWithoutToTag(string headers, string? expected)
    {
        var data = Encoding.ASCII.GetBytes("INVITE sip:+3222@vms SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1\r\n" + headers + "\r\n");

        Assert.Equal(expected, SetupDelayTracker.InitialInviteCallId(data));
    }

    [Fact]
    public void LadderStore_LadderOff_StillMeasuresAndKeepsNoLinks()
    {
        var time = new FakeTimeProvider();
        var store = new SipLadderStore(time) { Enabled = false };
        using var meters = new TestMeterFactory();
        var counters = new LiveCallCounters(meters, time, store);
        var observed = new List<double>();
        using var listener = Listen(counters.Meter, observed);

        store.Record(Invite("caller-1", null), outgoing: false, Local, Peer);
        time.Advance(TimeSpan.FromTicks(TimeSpan.TicksPerMillisecond * 3 / 2));
        store.Record(Invite("leg-1", null), outgoing: true, Local, Peer);
        store.Link("leg-1", "caller-1");

        Assert.Equal(0.0015, Assert.Single(observed), 9);
        Assert.Empty(store.Get("caller-1"));
        Assert.Empty(store.RecentCalls());
    }

    [Fact]
    public void SetupDelayHistogram_AdvisesFineBucketsFromHalfAMillisecondToOneSecond()
    {
        using var meters = new TestMeterFactory();
        var counters = new LiveCallCounters(meters, new FakeTimeProvider());
        Histogram<double>? histogram = null;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, _) =>
        {
            if (ReferenceEquals(instrument.Meter, counters.Meter) && instrument is Histogram<double> h)
            {
                histogram = h;
            }
        };
        listener.Start();

        var buckets = histogram?.Advice?.HistogramBucketBoundaries;
        Assert.NotNull(buckets);
        Assert.Equal(0.0005, buckets[0]);
        Assert.Equal(1.0, buckets[^1]);
        Assert.True(buckets.Count(b => b <= 0.005) >= 10, "at least ten buckets up to the 5 ms target");
        Assert.Equal("setup_delay_seconds", histogram!.Name);
    }

    internal static MeterListener Listen(Meter meter, List<double> observed)
    {
        var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter) && instrument.Name == "setup_delay_seconds")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) =>
        {
            lock (observed)
            {
                observed.Add(value);
            }
        });
        listener.Start();
        return listener;
    }

    private static byte[] Invite(string callId, string? toTag) => Encoding.ASCII.GetBytes(
        "INVITE sip:+3222001001@127.0.0.1 SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 127.0.0.1:5080;branch=z9hG4bK1\r\n" +
        "From: <sip:+32475111222@127.0.0.1>;tag=f1\r\n" +
        "To: <sip:+3222001001@127.0.0.1>" + (toTag is null ? "" : ";tag=" + toTag) + "\r\n" +
        "Call-ID: " + callId + "\r\n" +
        "CSeq: 1 INVITE\r\n" +
        "Content-Length: 0\r\n\r\n");
}
