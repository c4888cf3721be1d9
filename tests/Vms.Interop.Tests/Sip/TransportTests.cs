using System.Net;
using System.Net.Sockets;
using System.Text;
using Vms.Interop.Tests.Infrastructure;
using Vms.Sip;
using Vms.Sip.Messages;
using Vms.Sip.Transport;
using Vms.Sip.Uris;

namespace Vms.Interop.Tests.Sip;

/// <summary>Real sockets: IPv6 loopback, TCP keep-alive pong, TCP connection reuse and idle close.</summary>
public sealed class TransportTests
{
    [Theory]
    [InlineData("udp")]
    [InlineData("tcp")]
    public async Task Options_OverIPv6Loopback_200(string transport)
    {
        await using var server = new SipEndpoint();
        var serverUdp = UdpSipTransport.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));
        server.AddTransport(serverUdp);
        server.AddTransport(TcpSipTransport.Bind(new IPEndPoint(IPAddress.IPv6Loopback, serverUdp.LocalEndPoint.Port)));
        await using var client = new SipEndpoint();
        client.AddTransport(UdpSipTransport.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0)));
        client.AddTransport(TcpSipTransport.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0)));
        var uri = SipUri.Parse($"sip:vms@[::1]:{serverUdp.LocalEndPoint.Port};transport={transport}");

        var response = await client.SendRequestAsync(client.CreateRequest(SipMethods.Options, uri, NameAddress.Parse("<sip:c@[::1]>"), new NameAddress(uri)));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("::1", response.Via!.Host);
    }

    [Fact]
    public async Task DisposeAsync_Twice_SecondIsANoOp()
    {
        var udp = UdpSipTransport.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var tcp = TcpSipTransport.Bind(new IPEndPoint(IPAddress.Loopback, 0));

        await udp.DisposeAsync();
        await tcp.DisposeAsync();
        var second = await Record.ExceptionAsync(async () =>
        {
            await udp.DisposeAsync();
            await tcp.DisposeAsync();
        });

        Assert.Null(second);
    }

    [Fact]
    public async Task Tcp_DoubleCrlfKeepAlive_AnsweredWithCrlf()
    {
        await using var vms = new VmsPeer(FreePort.UdpAndTcp());
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, vms.Port);

        await socket.SendAsync("\r\n\r\n"u8.ToArray());
        var buffer = new byte[16];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var n = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);

        Assert.Equal("\r\n", Encoding.ASCII.GetString(buffer, 0, n));
    }

    [Fact]
    public async Task Tcp_SeveralRequests_ReuseOneConnectionAndIdleClose()
    {
        var port = FreePort.UdpAndTcp();
        await using var server = new SipEndpoint();
        server.AddTransport(TcpSipTransport.Bind(new IPEndPoint(IPAddress.Loopback, port)));
        await using var client = new SipEndpoint();
        var clientTcp = TcpSipTransport.Bind(new IPEndPoint(IPAddress.Loopback, 0), idleTimeout: TimeSpan.FromSeconds(1));
        client.AddTransport(clientTcp);
        var uri = SipUri.Parse($"sip:vms@127.0.0.1:{port};transport=tcp");

        for (var i = 0; i < 3; i++)
        {
            var response = await client.SendRequestAsync(client.CreateRequest(SipMethods.Options, uri, NameAddress.Parse("<sip:c@127.0.0.1>"), new NameAddress(uri)));
            Assert.Equal(200, response.StatusCode);
        }

        Assert.Equal(1, clientTcp.ConnectionCount);
        for (var i = 0; i < 50 && clientTcp.ConnectionCount > 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(0, clientTcp.ConnectionCount);
    }

    [Fact]
    public async Task Udp_GarbageDatagrams_CountedAndStackKeepsWorking()
    {
        await using var vms = new VmsPeer(FreePort.UdpAndTcp());
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var target = new IPEndPoint(IPAddress.Loopback, vms.Port);
        await socket.SendToAsync(new byte[] { 0, 1, 2, 3, 255 }, target);
        await socket.SendToAsync(Encoding.ASCII.GetBytes("INVITE sip:x@y SIP/2.0\r\nVia: junk\r\n\r\n"), target);
        await using var client = new SipEndpoint();
        client.AddTransport(UdpSipTransport.Bind(new IPEndPoint(IPAddress.Loopback, 0)));
        var uri = SipUri.Parse($"sip:vms@127.0.0.1:{vms.Port}");

        var response = await client.SendRequestAsync(client.CreateRequest(SipMethods.Options, uri, NameAddress.Parse("<sip:c@127.0.0.1>"), new NameAddress(uri)));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(2, vms.Endpoint.Statistics.MalformedDropped);
    }
}
