using System.Net;
using System.Text;
using Vms.Sip;
using Vms.Sip.Messages;
using Vms.Sip.Transport;

namespace Vms.Interop.Tests.Sip;

/// <summary>A VMS endpoint on real UDP and TCP sockets of 127.0.0.1; as UAS it answers INVITE 180/200 with SDP and everything else 200.</summary>
internal sealed class VmsPeer : IAsyncDisposable
{
    public static readonly byte[] Sdp = Encoding.ASCII.GetBytes(
        "v=0\r\no=vms 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n");

    private int _answered;
    private int _byes;

    public VmsPeer(int port, bool answer = true)
    {
        Endpoint = new SipEndpoint(new SipEndpointOptions());
        Udp = UdpSipTransport.Bind(new IPEndPoint(IPAddress.Loopback, port));
        Tcp = TcpSipTransport.Bind(new IPEndPoint(IPAddress.Loopback, port));
        Endpoint.AddTransport(Udp);
        Endpoint.AddTransport(Tcp);
        if (answer)
        {
            Endpoint.RequestHandler = HandleAsync;
        }
    }

    public SipEndpoint Endpoint { get; }

    public UdpSipTransport Udp { get; }

    public TcpSipTransport Tcp { get; }

    public int Port => Udp.LocalEndPoint.Port;

    public int Answered => Volatile.Read(ref _answered);

    public int Byes => Volatile.Read(ref _byes);

    public ValueTask DisposeAsync() => Endpoint.DisposeAsync();

    private async Task HandleAsync(SipIncomingRequest incoming)
    {
        if (incoming.Request.Method == SipMethods.Invite)
        {
            await incoming.RespondAsync(180);
            var ok = incoming.CreateResponse(200);
            ok.Headers.Add(HeaderKind.ContentType, "application/sdp");
            ok.Body = Sdp;
            await incoming.RespondAsync(ok);
            Interlocked.Increment(ref _answered);
            return;
        }

        if (incoming.Request.Method == SipMethods.Bye)
        {
            Interlocked.Increment(ref _byes);
        }

        await incoming.RespondAsync(200);
    }
}
