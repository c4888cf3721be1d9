using Vms.Sip.Messages;

namespace Vms.Sip.Tests.Transactions;

[Trait("rfc", "3261-17.1")]
public sealed class ClientTransactionTimerTests
{
    [Fact]
    public async Task Invite_Unanswered_RetransmitsOnTimerAThenTimerBGives408()
    {
        await using var bed = new SipTestBed();
        var silent = bed.Network.CreateTransport(5070);
        var call = bed.Uac.InviteAsync(bed.NewRequest(SipMethods.Invite, 5070));

        bed.Advance(TimeSpan.FromSeconds(33));
        var result = await call;

        double[] expected = [0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5];
        Assert.Equal(expected, bed.TimesOf("INVITE").Select(t => t.TotalSeconds));
        Assert.Equal(408, result.Response.StatusCode);
        Assert.Null(result.Dialog);
        Assert.Equal(0, bed.Uac.ClientTransactionCount);
        Assert.Equal(0, bed.Uac.DialogCount);
        await silent.DisposeAsync();
    }

    [Fact]
    public async Task NonInvite_Unanswered_Sends11TimesWithin32sThen408()
    {
        await using var bed = new SipTestBed();
        var silent = bed.Network.CreateTransport(5070);
        var request = bed.Uac.SendRequestAsync(bed.NewRequest(SipMethods.Options, 5070));

        bed.Advance(TimeSpan.FromSeconds(33));
        var response = await request;

        var times = bed.TimesOf("OPTIONS");
        Assert.Equal(11, times.Count);
        Assert.All(times, t => Assert.True(t < TimeSpan.FromSeconds(32)));
        Assert.Equal(TimeSpan.FromSeconds(4), times[^1] - times[^2]);
        Assert.Equal(408, response.StatusCode);
        Assert.Equal(0, bed.Uac.ClientTransactionCount);
        await silent.DisposeAsync();
    }

    [Fact]
    public async Task Invite_OverTcp_NoRetransmission()
    {
        await using var bed = new SipTestBed(Transport.SipTransportProtocol.Tcp);
        var silent = bed.Network.CreateTransport(5070, Transport.SipTransportProtocol.Tcp);
        var call = bed.Uac.InviteAsync(bed.NewRequest(SipMethods.Invite, 5070));

        bed.Advance(TimeSpan.FromSeconds(33));
        var result = await call;

        Assert.Equal(1, bed.Count("INVITE"));
        Assert.Equal(408, result.Response.StatusCode);
        await silent.DisposeAsync();
    }

    [Fact]
    public async Task Request_NoSuchPeer_TransportError503()
    {
        await using var bed = new SipTestBed();

        var response = await bed.Uac.SendRequestAsync(bed.NewRequest(SipMethods.Options, 5999));

        Assert.Equal(503, response.StatusCode);
        Assert.Equal(0, bed.Uac.ClientTransactionCount);
    }

    [Fact]
    public async Task Options_CustomT1_TimerFScales()
    {
        await using var bed = new SipTestBed();
        await using var fast = new SipEndpoint(new SipEndpointOptions { T1 = TimeSpan.FromMilliseconds(100), T2 = TimeSpan.FromMilliseconds(400) }, bed.Time);
        fast.AddTransport(bed.Network.CreateTransport(5080));
        var silent = bed.Network.CreateTransport(5070);
        var request = fast.CreateRequest(SipMethods.Options, Vms.Sip.Uris.SipUri.Parse("sip:x@127.0.0.1:5070"), Vms.Sip.Uris.NameAddress.Parse("<sip:a@127.0.0.1>"), Vms.Sip.Uris.NameAddress.Parse("<sip:x@127.0.0.1>"));

        var pending = fast.SendRequestAsync(request);
        bed.Advance(TimeSpan.FromSeconds(6.5), TimeSpan.FromMilliseconds(50));

        Assert.Equal(408, (await pending).StatusCode);
        await silent.DisposeAsync();
    }
}
