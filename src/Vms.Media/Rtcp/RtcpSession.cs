using System.Net;
using Vms.Media.Rtp;
using Vms.Media.Transport;

namespace Vms.Media.Rtcp;

/// <summary>
/// The RTCP side of a media session (RFC 3550 §6): a compound SR or RR with SDES CNAME every five seconds,
/// a BYE at the end, and the peer's reports about our stream (fraction lost).
/// </summary>
internal sealed class RtcpSession
{
    private readonly IRtpSocket _socket;
    private readonly RtpSender _sender;
    private readonly RtpReceiveStatistics _stats;
    private readonly TimeProvider _time;
    private IPEndPoint? _lastRtp;
    private IPEndPoint? _lastRtcp;

    public RtcpSession(IRtpSocket socket, RtpSender sender, RtpReceiveStatistics stats, TimeProvider time)
    {
        _socket = socket;
        _sender = sender;
        _stats = stats;
        _time = time;
    }

    public double? PeerFractionLost { get; private set; }

    public long Refused { get; private set; }

    /// <summary>Takes one RTCP datagram from the peer; false when it is not valid RTCP (counted as refused).</summary>
    public bool Receive(ReadOnlySpan<byte> data)
    {
        if (RtcpParser.TryParse(data, out var packets) != RtpParseStatus.Ok)
        {
            Refused++;
            return false;
        }

        foreach (var p in packets)
        {
            foreach (var block in p.ReportBlocks)
            {
                if (block.Ssrc == _sender.Ssrc)
                {
                    PeerFractionLost = block.FractionLost / 256.0;
                }
            }
        }

        return true;
    }

    /// <summary>Sends a report to the RTCP port next to where RTP goes (latched), else to the signalled one.</summary>
    public void SendReport(long tick, IPEndPoint? latchedRtp, IPEndPoint? signalledRtcp)
    {
        if (Destination(latchedRtp, signalledRtcp) is not { } destination)
        {
            return;
        }

        Span<byte> buffer = stackalloc byte[128];
        Span<RtcpReportBlock> blocks = stackalloc RtcpReportBlock[1];
        var count = 0;
        if (_stats.Received > 0)
        {
            var lost = (int)Math.Clamp(_stats.CumulativeLost, -0x800000, 0x7FFFFF);
            blocks[0] = new RtcpReportBlock(_stats.Ssrc, _stats.TakeFractionLost(), lost, _stats.ExtendedHighestSequence, _stats.Jitter, 0, 0);
            count = 1;
        }

        var n = _sender.PacketCount > 0
            ? RtcpWriter.WriteSenderReport(buffer, _sender.Ssrc, new RtcpSenderInfo(RtcpWriter.ToNtp(_time.GetUtcNow()), _sender.TimestampAt(tick), (uint)_sender.PacketCount, (uint)_sender.OctetCount), blocks[..count])
            : RtcpWriter.WriteReceiverReport(buffer, _sender.Ssrc, blocks[..count]);
        n += RtcpWriter.WriteSdesCname(buffer[n..], _sender.Ssrc, "vms");
        _socket.Send(buffer[..n], destination);
    }

    public void SendBye(IPEndPoint? latchedRtp, IPEndPoint? signalledRtcp)
    {
        if (Destination(latchedRtp, signalledRtcp) is not { } destination)
        {
            return;
        }

        Span<byte> buffer = stackalloc byte[64];
        var n = RtcpWriter.WriteReceiverReport(buffer, _sender.Ssrc, []);
        n += RtcpWriter.WriteBye(buffer[n..], [_sender.Ssrc], null);
        _socket.Send(buffer[..n], destination);
    }

    private IPEndPoint? Destination(IPEndPoint? latchedRtp, IPEndPoint? signalledRtcp)
    {
        if (latchedRtp is null)
        {
            return signalledRtcp;
        }

        if (!ReferenceEquals(latchedRtp, _lastRtp))
        {
            _lastRtp = latchedRtp;
            _lastRtcp = new IPEndPoint(latchedRtp.Address, latchedRtp.Port + 1);
        }

        return _lastRtcp;
    }
}
