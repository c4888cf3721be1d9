using Vms.Telephony.Signalling;

namespace Vms.Server.Tests.Calls.Fakes;

/// <summary>Records every outgoing leg so the test can answer for the destination.</summary>
internal sealed class FakeDialer : IOutboundDialer
{
    public List<FakeOutboundSession> Sessions { get; } = [];

    public FakeOutboundSession Last => Sessions[^1];

    public IOutboundSession Dial(DialRequest request)
    {
        var session = new FakeOutboundSession(request);
        Sessions.Add(session);
        return session;
    }
}
