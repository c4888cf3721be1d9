using System.Globalization;
using Vms.Sip.Messages;

namespace Vms.Sip.Transactions;

/// <summary>Keys a server transaction is also found by, besides its branch.</summary>
internal static class RequestKeys
{
    /// <summary>
    /// Call-ID, From tag and CSeq of a request outside a dialog (no To tag): the same request arriving by another
    /// path carries them too, and is refused as merged (RFC 3261 §8.2.2.2). Null inside a dialog.
    /// </summary>
    public static string? Merge(SipRequest request) =>
        request.To?.Tag is null && request.From?.Tag is { } ft && request.CallId is { } cid && request.CSeq is { } cs
            ? cid + "|" + ft + "|" + cs.ToString()
            : null;

    /// <summary>Call-ID and CSeq number: how the ACK of a 2xx finds the INVITE it acknowledges (its branch is new).</summary>
    public static string? Accepted(SipMessage message) =>
        message.CallId is { } cid && message.CSeq is { } cs ? cid + "|" + cs.Number.ToString(CultureInfo.InvariantCulture) : null;
}
