using System.Globalization;
using System.Text;
using Vms.Sip.Dialogs;
using Vms.Sip.Messages;
using Vms.Telephony.Signalling;

namespace Vms.Telephony.Sip;

/// <summary>
/// The implicit subscription of a REFER (RFC 3515 §2.4.4): NOTIFYs in the REFER's dialog with Event: refer and a
/// message/sipfrag body, sent in order and only after the 202 went out; the final one carries
/// Subscription-State: terminated.
/// </summary>
internal sealed class SipTransferProgress : ITransferProgress
{
    private readonly SipDialog _dialog;
    private readonly TaskCompletionSource<bool> _accepted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private Task _tail;
    private bool _done;

    public SipTransferProgress(SipDialog dialog)
    {
        _dialog = dialog;
        _tail = _accepted.Task;
    }

    /// <summary>Completes when every NOTIFY queued so far has been answered (or given up).</summary>
    public Task Sent
    {
        get
        {
            lock (_lock)
            {
                return _tail;
            }
        }
    }

    /// <summary>The 202 was sent: NOTIFYs may go.</summary>
    public void Accepted() => _accepted.TrySetResult(true);

    /// <summary>The REFER was refused: nothing is sent.</summary>
    public void Refused() => _accepted.TrySetResult(false);

    public Task ReportAsync(int status, string reason)
    {
        lock (_lock)
        {
            if (_done)
            {
                return _tail;
            }

            _done = status >= 200;
            _tail = SendAfterAsync(_tail, status, reason, _done);
            return _tail;
        }
    }

    private async Task SendAfterAsync(Task previous, int status, string reason, bool final)
    {
        await previous;
        if (!await _accepted.Task)
        {
            return;
        }

        var notify = _dialog.CreateRequest(SipMethods.Notify);
        notify.Headers.Add(HeaderKind.Event, "refer");
        notify.Headers.Add("Subscription-State", final ? "terminated;reason=noresource" : "active;expires=60");
        notify.Headers.Add(HeaderKind.ContentType, "message/sipfrag;version=2.0");
        notify.Body = Encoding.ASCII.GetBytes("SIP/2.0 " + status.ToString(CultureInfo.InvariantCulture) + " " + reason + "\r\n");
        await _dialog.SendRequestAsync(notify); // 408/503 on failure, never an exception
    }
}
