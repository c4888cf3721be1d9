using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Vms.Interop.Tests.Media;

/// <summary>
/// A minimal hand-written SIP UAS for the media interop tests (one call at a time over UDP on loopback):
/// answers an INVITE with 200 OK and the SDP the test supplies, absorbs ACK, answers BYE with 200 OK, and can
/// send BYE itself. Deliberately tiny: the SIP stack has its own tests; these tests are about media.
/// </summary>
internal sealed class MiniSipUas : IAsyncDisposable
{
    private readonly UdpClient _udp;
    private readonly Func<byte[], byte[]?> _answer;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _invited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _byeReceived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _loop;
    private string? _callId;
    private string? _from;
    private string? _to;
    private string? _contact;
    private IPEndPoint? _peer;

    public MiniSipUas(Func<byte[], byte[]?> answer)
    {
        _answer = answer;
        _udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_udp.Client.LocalEndPoint!).Port;
        _loop = Task.Run(Loop);
    }

    public int Port { get; }

    public Task Invited => _invited.Task;

    public Task ByeReceived => _byeReceived.Task;

    public List<string> Log { get; } = [];

    public async Task SendByeAsync()
    {
        if (_peer is null || _callId is null)
        {
            return;
        }

        var target = _contact ?? $"sip:{_peer.Address}:{_peer.Port}";
        var bye = $"BYE {target} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{Port};branch=z9hG4bK{Guid.NewGuid():N}\r\n" +
                  $"From: {_to}\r\nTo: {_from}\r\nCall-ID: {_callId}\r\nCSeq: 2 BYE\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        await _udp.SendAsync(Encoding.ASCII.GetBytes(bye), _peer);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _udp.Dispose();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }

        _stop.Dispose();
    }

    private async Task Loop()
    {
        while (!_stop.IsCancellationRequested)
        {
            UdpReceiveResult datagram;
            try
            {
                datagram = await _udp.ReceiveAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var text = Encoding.UTF8.GetString(datagram.Buffer);
            lock (Log)
            {
                Log.Add(text);
            }

            var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var head = split < 0 ? text : text[..split];
            var body = split < 0 ? [] : datagram.Buffer.AsSpan(Encoding.UTF8.GetByteCount(text[..(split + 4)])).ToArray();
            var lines = head.Split("\r\n");
            var method = lines[0].Split(' ')[0];
            if (lines[0].StartsWith("SIP/2.0", StringComparison.Ordinal))
            {
                continue; // a response to our BYE
            }

            switch (method)
            {
                case "INVITE":
                    _peer = datagram.RemoteEndPoint;
                    _callId = Header(lines, "Call-ID", "i");
                    _from = Header(lines, "From", "f");
                    _to = Header(lines, "To", "t") + ";tag=vms" + Port;
                    var contact = Header(lines, "Contact", "m");
                    _contact = contact is null ? null : contact.Trim().TrimStart('<').Split('>')[0];
                    var sdp = _answer(body);
                    if (sdp is null)
                    {
                        await Respond(lines, "488 Not Acceptable Here", null, datagram.RemoteEndPoint);
                    }
                    else
                    {
                        await Respond(lines, "200 OK", sdp, datagram.RemoteEndPoint);
                    }

                    _invited.TrySetResult();
                    break;
                case "BYE":
                    await Respond(lines, "200 OK", null, datagram.RemoteEndPoint);
                    _byeReceived.TrySetResult();
                    break;
                case "ACK":
                    break;
                default:
                    await Respond(lines, "200 OK", null, datagram.RemoteEndPoint);
                    break;
            }
        }
    }

    private async Task Respond(string[] request, string status, byte[]? sdp, IPEndPoint to)
    {
        var sb = new StringBuilder();
        sb.Append("SIP/2.0 ").Append(status).Append("\r\n");
        foreach (var line in request.Skip(1))
        {
            var name = line.Split(':')[0].Trim();
            if (name is "Via" or "v" or "From" or "f" or "Call-ID" or "i" or "CSeq")
            {
                sb.Append(line).Append("\r\n");
            }
            else if (name is "To" or "t")
            {
                sb.Append(line.Contains(";tag=", StringComparison.Ordinal) ? line : line + ";tag=vms" + Port).Append("\r\n");
            }
        }

        sb.Append("Contact: <sip:vms@127.0.0.1:").Append(Port).Append(">\r\n");
        if (sdp is not null)
        {
            sb.Append("Content-Type: application/sdp\r\n");
        }

        sb.Append("Content-Length: ").Append(sdp?.Length ?? 0).Append("\r\n\r\n");
        var bytes = Encoding.ASCII.GetBytes(sb.ToString()).Concat(sdp ?? []).ToArray();
        await _udp.SendAsync(bytes, to);
    }

    private static string? Header(string[] lines, string name, string compact)
    {
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var n = line[..colon].Trim();
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase) || string.Equals(n, compact, StringComparison.OrdinalIgnoreCase))
            {
                return line[(colon + 1)..].Trim();
            }
        }

        return null;
    }
}
