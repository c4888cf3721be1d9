using System.Net;
using Microsoft.Extensions.Time.Testing;
using Vms.Server.Features.Calls;
using Vms.Sip;
using Vms.Sip.Messages;
using Vms.Sip.Transport;
using Vms.Sip.Uris;

namespace Vms.Server.Tests.Calls;

/// <summary>An in-dialog request racing the call layer's dialog handler (in memory, fake clock).</summary>
public sealed class InDialogFallbackTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly InMemorySipNetwork _network = new();
    private readonly SipEndpoint _node;
    private readonly SipEndpoint _peer;
    private readonly List<Vms.Sip.Dialogs.SipDialog> _nodeDialogs = [];

    public InDialogFallbackTests()
    {
        _node = Endpoint(5060);
        _peer = Endpoint(5070);
    }

    public async ValueTask DisposeAsync()
    {
        await _node.DisposeAsync();
        await _peer.DisposeAsync();
    }

    [Fact]
    public async Task HandleAsync_ReferBeforeCallLayer_500WithRetryAfter()
    {
        var dialog = await DialogAsync();
        var refer = dialog.CreateRequest(SipMethods.Refer);
        refer.Headers.Add(HeaderKind.ReferTo, "<sip:+3247@127.0.0.1>");

        var response = await dialog.SendRequestAsync(refer);

        Assert.Equal(500, response.StatusCode);
        Assert.Equal("1", response.Headers.GetFirst(HeaderKind.RetryAfter));
    }

    [Fact]
    public async Task HandleAsync_HandlerSetMeanwhile_RequestGoesToIt()
    {
        var dialog = await DialogAsync();
        var nodeDialog = Assert.Single(_nodeDialogs);
        nodeDialog.RequestHandler = r => r.RespondAsync(202, "Accepted");
        var refer = dialog.CreateRequest(SipMethods.Refer);
        refer.Headers.Add(HeaderKind.ReferTo, "<sip:+3247@127.0.0.1>");

        Assert.Equal(202, (await dialog.SendRequestAsync(refer)).StatusCode);
    }

    private async Task<Vms.Sip.Dialogs.SipDialog> DialogAsync()
    {
        _node.RequestHandler = async request =>
        {
            if (request.Dialog is { } dialog && request.Request.Method != SipMethods.Invite)
            {
                await InDialogFallback.HandleAsync(dialog, request);
                return;
            }

            await request.RespondAsync(200); // answered, but nobody takes the dialog over
            lock (_nodeDialogs)
            {
                _nodeDialogs.Add(request.Dialog!);
            }
        };
        var uri = SipUri.Parse("sip:+3222001001@127.0.0.1:5060");
        var invite = _peer.CreateRequest(SipMethods.Invite, uri, NameAddress.Parse("<sip:+32475000001@127.0.0.1:5070>"), new NameAddress(uri));
        var result = await _peer.InviteAsync(invite);
        Assert.True(result.IsAnswered);
        return result.Dialog!;
    }

    private SipEndpoint Endpoint(int port)
    {
        var endpoint = new SipEndpoint(new SipEndpointOptions(), _time);
        endpoint.AddTransport(_network.CreateTransport(new IPEndPoint(IPAddress.Loopback, port)));
        return endpoint;
    }
}
