using System.Runtime.CompilerServices;
using Vms.Sip.Dialogs;
using Vms.Sip.Messages;

namespace Vms.Sip.Tests.Dialogs;

/// <summary>
/// After a call ends, its transactions linger up to 64·T1 to absorb retransmissions. What they keep must be the SIP
/// state alone: the call behind the dialogs (here a stand-in object reachable only from the handlers) has to be
/// collectable at once, or every ended call stays in memory for 32 s and lengthens each garbage collection.
/// </summary>
public sealed class EndedCallRetentionTests
{
    [Fact]
    public async Task CallEnded_TransactionsLinger_CallStateBehindHandlersIsCollectable()
    {
        await using var bed = new SipTestBed();
        var (uasCall, uacCall, uacDialog, uasDialog) = await PlaceCallAsync(bed);

        var bye = await uacDialog.ByeAsync();
        await uasDialog.Terminated.WaitAsync(TimeSpan.FromSeconds(5));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.Equal(200, bye.StatusCode);
        Assert.True(bed.Uas.ServerTransactionCount > 0, "the server transactions should still linger");
        Assert.True(bed.Uac.ClientTransactionCount > 0, "the client transactions should still linger");
        Assert.False(uasCall.IsAlive, "the answering side's call is kept alive by a lingering transaction");
        Assert.False(uacCall.IsAlive, "the calling side's call is kept alive by a lingering transaction");
        Assert.Null(uasDialog.RequestHandler);
    }

    [Fact]
    public async Task ByeAnswered_ServerTransactionLingers_ParsedByeIsCollectable()
    {
        await using var bed = new SipTestBed();
        var (_, _, uacDialog, uasDialog) = await PlaceCallAsync(bed);
        WeakReference? received = null;
        uasDialog.RequestHandler = other =>
        {
            received = new WeakReference(other.Request);
            return other.RespondAsync(200);
        };

        var bye = await uacDialog.ByeAsync();
        await uasDialog.Terminated.WaitAsync(TimeSpan.FromSeconds(5));
        uasDialog.RequestHandler = null;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.Equal(200, bye.StatusCode);
        Assert.True(bed.Uas.ServerTransactionCount > 0, "the BYE's server transaction should still linger (Timer J)");
        Assert.False(received!.IsAlive, "the lingering transaction keeps the parsed BYE; its response's bytes are enough");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<(WeakReference Uas, WeakReference Uac, SipDialog UacDialog, SipDialog UasDialog)> PlaceCallAsync(SipTestBed bed)
    {
        var uasCall = new byte[1024];
        var uacCall = new byte[1024];
        SipDialog? uasDialog = null;
        bed.Uas.RequestHandler = async incoming =>
        {
            await incoming.RespondAsync(180);
            await incoming.RespondAsync(200);
            uasDialog = incoming.Dialog!;
            uasDialog.RequestHandler = other => other.RespondAsync(uasCall.Length > 0 ? 200 : 500);
        };

        var result = await bed.Uac.InviteAsync(bed.NewRequest(SipMethods.Invite), (r, _) => GC.KeepAlive(uacCall));
        await uasDialog!.Acknowledged.WaitAsync(TimeSpan.FromSeconds(5));
        result.Dialog!.RequestHandler = other => other.RespondAsync(uacCall.Length > 0 ? 200 : 500);
        bed.Uas.RequestHandler = null;
        return (new WeakReference(uasCall), new WeakReference(uacCall), result.Dialog, uasDialog);
    }
}
