using System.Text;
using Vms.Sip.Dialogs;
using Vms.Sip.Messages;
using Vms.Sip.Transport;

namespace Vms.Sip.Tests.Dialogs;

[Trait("rfc", "3261-12")]
public sealed class CallFlowTests
{
    private static readonly byte[] Sdp = Encoding.ASCII.GetBytes("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n");

    [Theory]
    [InlineData(SipTransportProtocol.Udp)]
    [InlineData(SipTransportProtocol.Tcp)]
    public async Task Invite_Answered_DialogsOnBothSidesThenByeEndsThem(SipTransportProtocol protocol)
    {
        await using var bed = new SipTestBed(protocol);
        SipDialog? uasDialog = null;
        bed.Uas.RequestHandler = async incoming =>
        {
            await incoming.RespondAsync(180);
            var ok = incoming.CreateResponse(200);
            ok.Body = Sdp;
            ok.Headers.Add(HeaderKind.ContentType, "application/sdp");
            await incoming.RespondAsync(ok);
            uasDialog = incoming.Dialog;
        };
        var provisional = new List<int>();
        var invite = bed.NewRequest(SipMethods.Invite);
        invite.Body = Sdp;

        var result = await bed.Uac.InviteAsync(invite, (r, _) => provisional.Add(r.StatusCode));

        Assert.True(result.IsAnswered);
        Assert.Equal([100, 180], provisional);
        Assert.NotNull(uasDialog);
        await uasDialog.Acknowledged.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(SipDialogState.Confirmed, result.Dialog!.State);
        Assert.Equal(result.Dialog.CallId, uasDialog.CallId);
        Assert.Equal(result.Dialog.LocalTag, uasDialog.RemoteTag);
        Assert.Equal(result.Dialog.RemoteTag, uasDialog.LocalTag);
        Assert.Equal(Sdp, result.Dialog.RemoteBody.ToArray());

        var bye = await result.Dialog.ByeAsync();

        Assert.Equal(200, bye.StatusCode);
        await uasDialog.Terminated.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(SipDialogState.Terminated, result.Dialog.State);
        bed.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(0, bed.Uac.ClientTransactionCount);
        Assert.Equal(0, bed.Uas.ServerTransactionCount);
        Assert.Equal(0, bed.Uac.DialogCount);
        Assert.Equal(0, bed.Uas.DialogCount);
    }

    [Fact]
    public async Task Invite_FirstTwoInvitesLost_RetransmissionGetsAnswered()
    {
        await using var bed = new SipTestBed();
        var dropped = 0;
        bed.Drop = p => p.FirstLine.StartsWith("INVITE", StringComparison.Ordinal) && dropped++ < 2;
        bed.Uas.RequestHandler = incoming => incoming.RespondAsync(200);

        var call = bed.Uac.InviteAsync(bed.NewRequest(SipMethods.Invite));
        bed.Advance(TimeSpan.FromSeconds(2));
        var result = await call;

        Assert.True(result.IsAnswered);
        Assert.Equal(3, bed.Count("INVITE"));
    }

    [Fact]
    public async Task Invite_2xxLost_UasRetransmits2xxUntilAck()
    {
        await using var bed = new SipTestBed();
        var dropped = 0;
        bed.Drop = p => p.FirstLine.StartsWith("SIP/2.0 200", StringComparison.Ordinal) && dropped++ < 1;
        SipDialog? uasDialog = null;
        bed.Uas.RequestHandler = async incoming =>
        {
            await incoming.RespondAsync(200);
            uasDialog = incoming.Dialog;
        };

        var call = bed.Uac.InviteAsync(bed.NewRequest(SipMethods.Invite));
        bed.Advance(TimeSpan.FromSeconds(1));
        var result = await call;

        Assert.True(result.IsAnswered);
        await uasDialog!.Acknowledged.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(2, bed.Count("SIP/2.0 200"));
        bed.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(2, bed.Count("SIP/2.0 200"));
    }

    [Fact]
    public async Task Invite_Rejected486_AckSentAndNoDialog()
    {
        await using var bed = new SipTestBed();
        bed.Uas.RequestHandler = incoming => incoming.RespondAsync(486);

        var result = await bed.Uac.InviteAsync(bed.NewRequest(SipMethods.Invite));
        bed.Advance(TimeSpan.FromSeconds(40));

        Assert.Equal(486, result.Response.StatusCode);
        Assert.Null(result.Dialog);
        Assert.Equal(1, bed.Count("ACK"));
        Assert.Equal(1, bed.Count("SIP/2.0 486"));
        Assert.Equal(0, bed.Uas.ServerTransactionCount);
        Assert.Equal(0, bed.Uac.ClientTransactionCount);
        Assert.Equal(0, bed.Uas.DialogCount + bed.Uac.DialogCount);
    }

    [Fact]
    public async Task Invite_CancelledByCaller_487AndUasSeesCancellation()
    {
        await using var bed = new SipTestBed();
        var sawCancel = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bed.Uas.RequestHandler = async incoming =>
        {
            await incoming.RespondAsync(180);
            incoming.Cancelled.Register(() => sawCancel.TrySetResult());
            await sawCancel.Task;
        };
        using var cts = new CancellationTokenSource();

        var call = bed.Uac.InviteAsync(bed.NewRequest(SipMethods.Invite), (r, _) =>
        {
            if (r.StatusCode == 180)
            {
                cts.Cancel();
            }
        }, cancellationToken: cts.Token);
        var result = await call.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(487, result.Response.StatusCode);
        await sawCancel.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, bed.Count("CANCEL"));
        Assert.Equal(1, bed.Count("ACK"));
        bed.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(0, bed.Uac.ClientTransactionCount + bed.Uas.ServerTransactionCount);
    }

    [Fact]
    public async Task Reinvite_Hold_AnsweredAndAcked()
    {
        await using var bed = new SipTestBed();
        var methods = new List<string>();
        bed.Uas.RequestHandler = async incoming =>
        {
            methods.Add(incoming.Request.Method);
            await incoming.RespondAsync(200);
        };
        var result = await bed.Uac.InviteAsync(bed.NewRequest(SipMethods.Invite));

        var hold = await result.Dialog!.ReinviteAsync(Encoding.ASCII.GetBytes("v=0\r\na=sendonly\r\n"));
        var info = await result.Dialog.SendAsync(SipMethods.Info, Encoding.ASCII.GetBytes("Signal=5\r\n"), "application/dtmf-relay");
        var update = await result.Dialog.SendAsync(SipMethods.Update);

        Assert.Equal(200, hold.StatusCode);
        Assert.Equal(200, info.StatusCode);
        Assert.Equal(200, update.StatusCode);
        Assert.Equal([SipMethods.Invite, SipMethods.Invite, SipMethods.Info, SipMethods.Update], methods);
        Assert.Equal(2, bed.Count("ACK"));
        Assert.Equal(4u, result.Dialog.LocalSequence);
    }

    [Fact]
    public async Task InDialogRequest_UnknownDialog_481()
    {
        await using var bed = new SipTestBed();
        var bye = bed.NewRequest(SipMethods.Bye);
        bye.Headers.Set(HeaderKind.To, "<sip:bob@127.0.0.1>;tag=nosuchtag");

        var response = await bed.Uac.SendRequestAsync(bye);

        Assert.Equal(481, response.StatusCode);
    }

    [Fact]
    public async Task Options_OutOfDialog_200WithAllowAndAccept()
    {
        await using var bed = new SipTestBed();

        var response = await bed.Uac.SendRequestAsync(bed.NewRequest(SipMethods.Options));

        Assert.Equal(200, response.StatusCode);
        Assert.Contains(SipMethods.Invite, response.Allow);
        Assert.Contains(SipMethods.Options, response.Allow);
        Assert.Equal("application/sdp", response.Headers.GetFirst(HeaderKind.Accept));
    }

    [Fact]
    public async Task Handler_Throws_500()
    {
        await using var bed = new SipTestBed();
        bed.Uas.RequestHandler = _ => throw new InvalidOperationException("boom");

        var response = await bed.Uac.SendRequestAsync(bed.NewRequest(SipMethods.Message));

        Assert.Equal(500, response.StatusCode);
        Assert.Equal(1, bed.Uas.Statistics.HandlerErrors);
    }

    [Fact]
    public async Task Reinvite_FromCallee_SameDialogObjectAndAcked()
    {
        await using var bed = new SipTestBed();
        SipDialog? uasDialog = null;
        bed.Uas.RequestHandler = async incoming =>
        {
            await incoming.RespondAsync(200);
            uasDialog = incoming.Dialog;
        };
        var result = await bed.Uac.InviteAsync(bed.NewRequest(SipMethods.Invite));
        var seen = new List<SipIncomingRequest>();
        result.Dialog!.RequestHandler = async incoming =>
        {
            seen.Add(incoming);
            await incoming.RespondAsync(200);
        };

        var response = await uasDialog!.ReinviteAsync(Encoding.ASCII.GetBytes("v=0\r\na=sendonly\r\n"));

        Assert.Equal(200, response.StatusCode);
        var reinvite = Assert.Single(seen);
        Assert.Same(result.Dialog, reinvite.Dialog);
        Assert.Equal(1, bed.Uac.DialogCount);
        Assert.Equal(1, bed.Uas.DialogCount);
        Assert.Equal(2, bed.Count("ACK"));
        Assert.Equal("v=0\r\na=sendonly\r\n", Encoding.ASCII.GetString(result.Dialog.RemoteBody.Span));
    }

    [Fact]
    public async Task Bye_FromCallee_CallerDialogTerminated()
    {
        await using var bed = new SipTestBed();
        SipDialog? uasDialog = null;
        bed.Uas.RequestHandler = async incoming =>
        {
            await incoming.RespondAsync(200);
            uasDialog = incoming.Dialog;
        };
        var result = await bed.Uac.InviteAsync(bed.NewRequest(SipMethods.Invite));

        var bye = await uasDialog!.ByeAsync();

        Assert.Equal(200, bye.StatusCode);
        await result.Dialog!.Terminated.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, bed.Uac.DialogCount + bed.Uas.DialogCount);
    }
}
