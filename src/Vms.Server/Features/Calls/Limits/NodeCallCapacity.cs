using Vms.Telephony.Media;

namespace Vms.Server.Features.Calls.Limits;

/// <summary>
/// The overload guard's numbers for a node: concurrent calls and RTP port pairs. A call holds two pairs (caller and
/// destination), three while a transfer target is dialled. Pairs never exceed the port range nor what the
/// open-file limit allows (two sockets a pair, headroom left for SIP, HTTP and the database).
/// </summary>
internal readonly record struct NodeCallCapacity(int MaxCalls, int MaxPairs)
{
    /// <param name="configuredMaxCalls">Calls:MaxConcurrentCalls; 0 derives it from ports and descriptors.</param>
    public static NodeCallCapacity Compute(int configuredMaxCalls, int rtpMinPort, int rtpMaxPort, long? openFileLimit, int headroom)
    {
        var first = rtpMinPort + (rtpMinPort & 1);
        var portPairs = Math.Max(0, (rtpMaxPort - first + 1) / 2);
        var available = Math.Max(1, Math.Min(portPairs, MediaCapacity.PairsForFileLimit(openFileLimit, headroom)));
        var calls = configuredMaxCalls > 0 ? configuredMaxCalls : Math.Max(1, available / 2);

        // Room for transfers in progress (a third pair), within what the node can hold.
        var slack = Math.Max(1, calls / 8);
        var pairs = (int)Math.Min(available, (2L * calls) + slack);
        return new NodeCallCapacity(calls, pairs);
    }
}
