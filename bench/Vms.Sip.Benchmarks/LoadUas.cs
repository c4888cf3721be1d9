using System.Globalization;
using System.Net;
using Vms.Sip;
using Vms.Sip.Messages;
using Vms.Sip.Transport;

namespace Vms.Sip.Benchmarks;

/// <summary>A minimal VMS UAS for SIPp load runs: answers INVITE 200 (with SDP), handles ACK and BYE.</summary>
public static class LoadUas
{
    private static readonly byte[] Sdp = System.Text.Encoding.ASCII.GetBytes(
        "v=0\r\no=vms 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n");

    /// <summary>Runs until stdin closes or Ctrl+C.</summary>
    public static async Task RunAsync(int port)
    {
        await using var endpoint = new SipEndpoint(new SipEndpointOptions());
        endpoint.AddTransport(UdpSipTransport.Bind(new IPEndPoint(IPAddress.Loopback, port)));
        endpoint.AddTransport(TcpSipTransport.Bind(new IPEndPoint(IPAddress.Loopback, port)));
        endpoint.RequestHandler = incoming =>
        {
            if (incoming.Request.Method != SipMethods.Invite)
            {
                return incoming.RespondAsync(200);
            }

            var ok = incoming.CreateResponse(200);
            ok.Headers.Add(HeaderKind.ContentType, "application/sdp");
            ok.Body = Sdp;
            return incoming.RespondAsync(ok);
        };
        Console.WriteLine("VMS load UAS listening on 127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture));
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        var stdinClosed = Task.Run(() => Console.In.ReadToEnd());
        await Task.WhenAny(stdinClosed, Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default));
        Console.WriteLine($"requests={endpoint.Statistics.RequestsReceived} malformed={endpoint.Statistics.MalformedDropped} handlerErrors={endpoint.Statistics.HandlerErrors}");
    }
}
