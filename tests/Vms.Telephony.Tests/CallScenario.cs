using Microsoft.Extensions.Time.Testing;
using Vms.Media.Codecs;
using Vms.Telephony.Tests.Fakes;

namespace Vms.Telephony.Tests;

/// <summary>A caller, VMS's call layer and the destination phones, all fake and on a fake clock.</summary>
internal sealed class CallScenario
{
    public CallScenario(int ports = 8, TelephonyOptions? options = null)
    {
        Media = new FakeMediaEngine(ports);
        Factory = new CallFactory(Media, Dialer, Time, options ?? new TelephonyOptions(), Log);
    }

    public ListLogger<InboundCall> Log { get; } = new();

    public FakeTimeProvider Time { get; } = new();
    public FakeDialer Dialer { get; } = new();
    public FakeMediaEngine Media { get; }
    public CallFactory Factory { get; }

    public (FakeInboundSession Caller, InboundCall? Call) Incoming(ReadOnlyMemory<byte>? offer = null)
    {
        var caller = new FakeInboundSession(offer ?? PhoneSdp.Offer(4000, G711Law.Alaw, G711Law.Ulaw));
        return (caller, Factory.Accept(caller));
    }
}
