using System.Globalization;
using System.Net;
using Vms.Sip.Dialogs;
using Vms.Sip.Headers;
using Vms.Sip.Messages;
using Vms.Sip.Transactions;
using Vms.Sip.Transport;

namespace Vms.Sip;

/// <summary>The receive path: parse, validate, match transactions and dialogs, dispatch.</summary>
public sealed partial class SipEndpoint
{
    private void OnPacket(SipPacket packet)
    {
        try
        {
            if (packet.Data.Span.TrimStart("\r\n \t"u8).IsEmpty)
            {
                return;
            }

            var result = SipParser.Parse(packet.Data);
            if (result.Status != SipParseStatus.Complete)
            {
                HandleMalformed(result, packet);
            }
            else if (result.Message is SipRequest request)
            {
                Statistics.CountRequest();
                OnRequest(request, packet);
            }
            else if (result.Message is SipResponse response)
            {
                Statistics.CountResponse();
                OnResponse(response);
            }
        }
#pragma warning disable CA1031 // Nothing may escape the receive loop.
        catch (Exception)
#pragma warning restore CA1031
        {
            Statistics.CountHandlerError();
        }
    }

    private void HandleMalformed(SipParseResult result, SipPacket packet)
    {
        if (result.Message is SipRequest request && request.Method != SipMethods.Ack && CanAnswer(request))
        {
            var code = result.IsVersionNotSupported ? 505 : 400;
            RespondStateless(request, code, SipStatus.ReasonPhrase(code) + " (" + result.Reason + ")", packet);
            Statistics.CountMalformedAnswered();
        }
        else
        {
            Statistics.CountMalformedDropped();
        }
    }

    private static bool CanAnswer(SipRequest request) =>
        request.Via is not null && request.From is not null && request.To is not null && request.CallId is not null && request.CSeq is not null;

    private void OnRequest(SipRequest request, SipPacket packet)
    {
        if (!CanAnswer(request))
        {
            Statistics.CountMalformedDropped();
            return;
        }

        var via = request.Via!;
        if (!request.TryGetRequestUri(out _, out var uriError))
        {
            RespondMalformed(request, "Bad Request-URI: " + uriError, packet);
            return;
        }

        if (request.CSeq!.Value.Method != request.Method)
        {
            RespondMalformed(request, "CSeq method does not match", packet);
            return;
        }

        StampVia(request, via, packet);
        var key = ServerKey(request, via);
        if (request.Method == SipMethods.Ack)
        {
            OnAck(request, key);
            return;
        }

        if (_serverTransactions.TryGetValue(key, out var existing))
        {
            existing.OnRequestRetransmission();
            return;
        }

        if (request.Method == SipMethods.Cancel)
        {
            OnCancel(request, via, key, packet);
            return;
        }

        var mergeKey = RequestKeys.Merge(request);
        if (mergeKey is not null && _mergeKeys.TryGetValue(mergeKey, out var otherKey) && otherKey != key)
        {
            RespondStateless(request, 482, "Loop Detected (merged request)", packet);
            return;
        }

        if (request.MaxForwards is 0 && request.Method != SipMethods.Options)
        {
            RespondStateless(request, 483, null, packet);
            return;
        }

        var unsupported = request.Require.Where(tag => !Options.SupportedExtensions.Contains(tag, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unsupported.Count > 0)
        {
            var badExtension = SipResponse.CreateFor(request, 420, null, SipIds.NewTag());
            badExtension.Headers.Add(HeaderKind.Unsupported, string.Join(", ", unsupported));
            SendResponseStateless(badExtension, request, packet.Remote, packet.Transport);
            return;
        }

        var transaction = new ServerTransaction(this, key, request, packet.Transport, ResponseTarget(request, via, packet), mergeKey);
        if (!_serverTransactions.TryAdd(key, transaction))
        {
            return;
        }

        if (transaction.MergeKey is { } mk)
        {
            _mergeKeys[mk] = key;
        }

        if (transaction.IsInvite)
        {
            transaction.SendResponse(SipResponse.CreateFor(request, 100));
        }

        Dispatch(request, transaction, packet);
    }

    private void Dispatch(SipRequest request, ServerTransaction transaction, SipPacket packet)
    {
        SipDialog? dialog = null;
        if (request.To!.Tag is { } toTag)
        {
            dialog = FindDialog(request.CallId!, toTag, request.From!.Tag);
            if (dialog is null)
            {
                transaction.SendResponse(SipResponse.CreateFor(request, 481));
                return;
            }

            if (!dialog.AcceptRemoteSequence(request))
            {
                transaction.SendResponse(SipResponse.CreateFor(request, 500, "CSeq out of order"));
                return;
            }
        }

        var incoming = new SipIncomingRequest(this, transaction, request, packet.Remote, packet.Transport, dialog);
        if (transaction.IsInvite)
        {
            _pendingInvites[transaction.Key] = incoming;
        }

        if (dialog is null && request.Method == SipMethods.Options && Options.AnswerOptionsAutomatically)
        {
            _ = incoming.RespondAsync(CreateOptionsResponse(incoming));
            return;
        }

        var handler = dialog?.RequestHandler ?? RequestHandler;
        if (handler is null)
        {
            var fallback = dialog is not null && request.Method == SipMethods.Bye
                ? incoming.CreateResponse(200)
                : incoming.CreateResponse(dialog is null ? 480 : 501);
            _ = incoming.RespondAsync(fallback);
            return;
        }

        _ = RunHandlerAsync(handler, incoming);
    }

    /// <summary>Builds the 200 answer to OPTIONS with Allow, Accept and Supported.</summary>
    public SipResponse CreateOptionsResponse(SipIncomingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = request.CreateResponse(200);
        response.Headers.Add(HeaderKind.Allow, string.Join(", ", Options.AllowedMethods));
        response.Headers.Add(HeaderKind.Accept, string.Join(", ", Options.AcceptedContentTypes));
        return response;
    }

    private async Task RunHandlerAsync(Func<SipIncomingRequest, Task> handler, SipIncomingRequest incoming)
    {
        try
        {
            await handler(incoming);
        }
#pragma warning disable CA1031 // A failing application handler is answered 500, it must not break the stack.
        catch (Exception)
#pragma warning restore CA1031
        {
            Statistics.CountHandlerError();
        }

        if (!incoming.HasFinalResponse)
        {
            await incoming.RespondAsync(incoming.CreateResponse(500, "No response from application"));
        }
    }

    private void OnAck(SipRequest ack, string key)
    {
        if (_serverTransactions.TryGetValue(key, out var transaction) && transaction.State != TransactionState.Accepted)
        {
            transaction.OnAck(ack);
            return;
        }

        if (RequestKeys.Accepted(ack) is { } ak && _acceptedInvites.TryGetValue(ak, out var accepted))
        {
            accepted.OnAck(ack);
        }
    }

    private void OnCancel(SipRequest cancel, SipVia via, string key, SipPacket packet)
    {
        var cancelTransaction = new ServerTransaction(this, key, cancel, packet.Transport, ResponseTarget(cancel, via, packet));
        if (!_serverTransactions.TryAdd(key, cancelTransaction))
        {
            return;
        }

        var inviteKey = ServerKey(cancel, via, SipMethods.Invite);
        if (!_serverTransactions.TryGetValue(inviteKey, out var invite))
        {
            cancelTransaction.SendResponse(SipResponse.CreateFor(cancel, 481));
            return;
        }

        cancelTransaction.SendResponse(SipResponse.CreateFor(cancel, 200));
        if (_pendingInvites.TryGetValue(inviteKey, out var incoming))
        {
            incoming.OnCancelled();
        }
        else if (invite.PendingRequest is { } pending)
        {
            invite.SendResponse(SipResponse.CreateFor(pending, 487, null, SipIds.NewTag()));
        }
    }

    private void OnResponse(SipResponse response)
    {
        if (response.Via?.Branch is not { } branch || response.CSeq is not { } cseq)
        {
            Statistics.CountMalformedDropped();
            return;
        }

        if (_clientTransactions.TryGetValue(ClientTransaction.MakeKey(branch, cseq.Method), out var transaction))
        {
            transaction.OnResponse(response);
            return;
        }

        if (cseq.Method == SipMethods.Invite && response.IsSuccess && response.CallId is { } callId && response.From?.Tag is { } fromTag
            && FindDialog(callId, fromTag, response.To?.Tag) is { } dialog)
        {
            dialog.ResendAck(cseq.Number);
            return;
        }

        Statistics.CountUnmatchedResponse();
    }

    internal SipDialog? FindDialog(string callId, string localTag, string? remoteTag) =>
        _dialogs.TryGetValue(SipDialog.MakeKey(callId, localTag, remoteTag), out var d) ? d : null;

    internal void SendResponseStateless(SipResponse response, SipRequest request, IPEndPoint remote, ISipTransport transport)
    {
        if (request.Via is { } via)
        {
            SendBytes(response.ToBytes(), transport, transport.IsReliable ? remote : ResponseTarget(request, via, remote), null);
        }
    }

    private void RespondMalformed(SipRequest request, string reason, SipPacket packet)
    {
        if (request.Method != SipMethods.Ack)
        {
            RespondStateless(request, 400, "Bad Request (" + reason + ")", packet);
            Statistics.CountMalformedAnswered();
        }
        else
        {
            Statistics.CountMalformedDropped();
        }
    }

    private void RespondStateless(SipRequest request, int code, string? reason, SipPacket packet) =>
        SendResponseStateless(SipResponse.CreateFor(request, code, reason, code > 100 ? SipIds.NewTag() : null), request, packet.Remote, packet.Transport);

    /// <summary>RFC 3581: adds received (when the source differs from sent-by) and fills rport.</summary>
    private static void StampVia(SipRequest request, SipVia via, SipPacket packet)
    {
        var stamped = via;
        var sourceHost = packet.Remote.Address.IsIPv4MappedToIPv6 ? packet.Remote.Address.MapToIPv4() : packet.Remote.Address;
        if (!IPAddress.TryParse(via.Host, out var sentBy) || !sentBy.Equals(sourceHost))
        {
            stamped = stamped.With("received", sourceHost.ToString());
        }

        if (via.HasRPort)
        {
            stamped = stamped.With("rport", packet.Remote.Port.ToString(CultureInfo.InvariantCulture));
        }

        if (!ReferenceEquals(stamped, via))
        {
            request.Headers.ReplaceFirstValue(HeaderKind.Via, stamped.ToString());
        }
    }

    private static IPEndPoint ResponseTarget(SipRequest request, SipVia via, SipPacket packet) =>
        packet.Transport.IsReliable ? packet.Remote : ResponseTarget(request, via, packet.Remote);

    private static IPEndPoint ResponseTarget(SipRequest request, SipVia via, IPEndPoint source)
    {
        _ = request;
        if (via.HasRPort)
        {
            return source;
        }

        return new IPEndPoint(source.Address, via.Port ?? 5060);
    }

    private static string ServerKey(SipRequest request, SipVia via, string? method = null)
    {
        method ??= request.Method == SipMethods.Ack ? SipMethods.Invite : request.Method;
        if (via.IsRfc3261Branch)
        {
            return via.Branch + "|" + via.SentBy.ToLowerInvariant() + "|" + method;
        }

        return "2543|" + request.CallId + "|" + request.From?.Tag + "|" + request.CSeq?.Number.ToString(CultureInfo.InvariantCulture)
            + "|" + via.SentBy + "|" + method;
    }
}
