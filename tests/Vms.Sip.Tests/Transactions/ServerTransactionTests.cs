using Vms.Sip.Messages;

namespace Vms.Sip.Tests.Transactions;

[Trait("rfc", "3261-17.2")]
public sealed class ServerTransactionTests
{
    private static string Invite(string branch, string callId = "call-1", string cseq = "1 INVITE", string version = "SIP/2.0", string uri = "sip:bob@127.0.0.1:5062") =>
        $"INVITE {uri} {version}\r\nVia: SIP/2.0/UDP 127.0.0.1:5090;branch={branch};rport\r\nFrom: <sip:a@127.0.0.1>;tag=ft\r\n" +
        $"To: <sip:bob@127.0.0.1>\r\nCall-ID: {callId}\r\nCSeq: {cseq}\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";

    [Fact]
    public async Task Invite_Rejected_FinalRetransmittedOnTimerGUntilTimerH()
    {
        await using var bed = new SipTestBed();
        bed.Uas.RequestHandler = incoming => incoming.RespondAsync(486);
        var peer = new RawPeer(bed.Network, 5090);

        peer.Send(Invite("z9hG4bKg1"));
        bed.Advance(TimeSpan.FromSeconds(33));

        double[] expected = [0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5];
        Assert.Equal(expected, bed.TimesOf("SIP/2.0 486").Select(t => t.TotalSeconds));
        Assert.Equal(1, bed.Count("SIP/2.0 100"));
        Assert.Equal(0, bed.Uas.ServerTransactionCount);
    }

    [Fact]
    public async Task Invite_AckForFinal_StopsRetransmissionAndAbsorbsRetransmittedInvite()
    {
        await using var bed = new SipTestBed();
        var calls = 0;
        bed.Uas.RequestHandler = incoming =>
        {
            calls++;
            return incoming.RespondAsync(603);
        };
        var peer = new RawPeer(bed.Network, 5090);

        peer.Send(Invite("z9hG4bKg2"));
        peer.Send(Invite("z9hG4bKg2"));
        var toTag = peer.Responses[^1].To!.Tag;
        peer.Send(Invite("z9hG4bKg2").Replace("INVITE sip", "ACK sip", StringComparison.Ordinal).Replace("1 INVITE", "1 ACK", StringComparison.Ordinal)
            .Replace("To: <sip:bob@127.0.0.1>", "To: <sip:bob@127.0.0.1>;tag=" + toTag, StringComparison.Ordinal));
        bed.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(1, calls);
        Assert.Equal(2, bed.Count("SIP/2.0 603"));
        Assert.Equal(0, bed.Uas.ServerTransactionCount);
    }

    [Fact]
    [Trait("rfc", "6026-7.1")]
    public async Task Invite_AckForTwoHundredAfterTenSeconds_TransactionEndsOnTimerLFromTheTwoHundred()
    {
        await using var bed = new SipTestBed();
        bed.Uas.RequestHandler = incoming => incoming.RespondAsync(200);
        var peer = new RawPeer(bed.Network, 5090);

        peer.Send(Invite("z9hG4bKl1"));
        var toTag = peer.Responses[^1].To!.Tag;
        bed.Advance(TimeSpan.FromSeconds(10));
        var ackedAt = bed.Count("SIP/2.0 200");
        peer.Send(Invite("z9hG4bKl2").Replace("INVITE sip", "ACK sip", StringComparison.Ordinal).Replace("1 INVITE", "1 ACK", StringComparison.Ordinal)
            .Replace("To: <sip:bob@127.0.0.1>", "To: <sip:bob@127.0.0.1>;tag=" + toTag, StringComparison.Ordinal));
        bed.Advance(TimeSpan.FromSeconds(22.5));

        Assert.True(ackedAt > 1, "the 2xx should have been retransmitted until the ACK");
        Assert.Equal(ackedAt, bed.Count("SIP/2.0 200"));
        Assert.Equal(0, bed.Uas.ServerTransactionCount);
    }

    [Fact]
    public async Task Invite_SameRequestNewBranch_Merged482()
    {
        await using var bed = new SipTestBed();
        bed.Uas.RequestHandler = incoming => incoming.RespondAsync(180);
        var peer = new RawPeer(bed.Network, 5090);

        peer.Send(Invite("z9hG4bKm1"));
        peer.Send(Invite("z9hG4bKm2"));

        Assert.Contains(peer.Responses, r => r.StatusCode == 482);
    }

    [Fact]
    public async Task Request_MaxForwardsZero_483()
    {
        await using var bed = new SipTestBed();
        var peer = new RawPeer(bed.Network, 5090);

        peer.Send(Invite("z9hG4bKmf").Replace("Max-Forwards: 70", "Max-Forwards: 0", StringComparison.Ordinal));

        Assert.Equal(483, Assert.Single(peer.Responses).StatusCode);
    }

    [Fact]
    public async Task Request_WrongVersion_505()
    {
        await using var bed = new SipTestBed();
        var peer = new RawPeer(bed.Network, 5090);

        peer.Send(Invite("z9hG4bKv", version: "SIP/3.0"));

        var response = Assert.Single(peer.Responses);
        Assert.Equal(505, response.StatusCode);
    }

    [Fact]
    public async Task Request_ContentLengthBeyondDatagram_400WithReason()
    {
        await using var bed = new SipTestBed();
        var peer = new RawPeer(bed.Network, 5090);

        peer.Send(Invite("z9hG4bKcl").Replace("Content-Length: 0", "Content-Length: 300", StringComparison.Ordinal));

        var response = Assert.Single(peer.Responses);
        Assert.Equal(400, response.StatusCode);
        Assert.Contains("Content-Length", response.ReasonPhrase, StringComparison.Ordinal);
        Assert.Equal(1, bed.Uas.Statistics.MalformedAnswered);
    }

    [Fact]
    public async Task Request_Rfc5118Ipv6Bad_400()
    {
        await using var bed = new SipTestBed();
        var peer = new RawPeer(bed.Network, 5090);

        peer.Send(Invite("z9hG4bKb6", uri: "sip:2001:db8::10"));

        var response = Assert.Single(peer.Responses);
        Assert.Equal(400, response.StatusCode);
        Assert.Contains("Request-URI", response.ReasonPhrase, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_Unreadable_DroppedAndCounted()
    {
        await using var bed = new SipTestBed();
        var peer = new RawPeer(bed.Network, 5090);

        peer.Send("INVITE sip:bob@x SIP/2.0\r\nVia: nonsense\r\nContent-Length: 0\r\n\r\n");
        peer.Send("\0\0\0garbage");

        Assert.Empty(peer.Responses);
        Assert.Equal(2, bed.Uas.Statistics.MalformedDropped);
    }

    [Fact]
    public async Task Request_ReceivedFromOtherAddress_ViaStampedWithReceivedAndRport()
    {
        await using var bed = new SipTestBed();
        var peer = new RawPeer(bed.Network, 5090);

        peer.Send(Invite("z9hG4bKrp").Replace("UDP 127.0.0.1:5090", "UDP 10.0.0.1:5999", StringComparison.Ordinal)
            .Replace("INVITE sip", "OPTIONS sip", StringComparison.Ordinal).Replace("1 INVITE", "1 OPTIONS", StringComparison.Ordinal));

        var via = Assert.Single(peer.Responses).Via!;
        Assert.Equal("127.0.0.1", via.Received);
        Assert.Equal(5090, via.RPort);
    }

    [Fact]
    public async Task Invite_ForkedResponses_EarlyDialogsPerTagAndSecond2xxAckedAndByed()
    {
        await using var bed = new SipTestBed();
        var forker = new RawPeer(bed.Network, 5070, (peer, message) =>
        {
            if (message is SipRequest { Method: SipMethods.Invite } invite)
            {
                foreach (var (code, tag) in new[] { (180, "fa"), (183, "fb"), (200, "fa"), (200, "fb") })
                {
                    var response = SipResponse.CreateFor(invite, code, null, tag);
                    response.Headers.Add(HeaderKind.Contact, $"<sip:{tag}@127.0.0.1:5070>");
                    peer.Send(response, 5061);
                }
            }
            else if (message is SipRequest { Method: SipMethods.Bye } bye)
            {
                peer.Send(SipResponse.CreateFor(bye, 200), 5061);
            }
        });
        var earlyTags = new List<string?>();

        var result = await bed.Uac.InviteAsync(bed.NewRequest(SipMethods.Invite, 5070), (r, d) => earlyTags.Add(d?.RemoteTag));

        Assert.Equal(["fa", "fb"], earlyTags);
        Assert.Equal("fa", result.Dialog!.RemoteTag);
        var sent = forker.Received.OfType<SipRequest>().Select(r => r.Method + ":" + r.To!.Tag).ToList();
        Assert.Contains("ACK:fa", sent);
        Assert.Contains("ACK:fb", sent);
        Assert.Contains("BYE:fb", sent);
        Assert.DoesNotContain("BYE:fa", sent);
        Assert.Equal(1, bed.Uac.DialogCount);
    }

    [Fact]
    public async Task Request_RequiresUnknownExtension_420WithUnsupported()
    {
        await using var bed = new SipTestBed();
        var peer = new RawPeer(bed.Network, 5090);

        peer.Send(Invite("z9hG4bKrq").Replace("Max-Forwards: 70", "Max-Forwards: 70\r\nRequire: 100rel, foo", StringComparison.Ordinal));

        var response = Assert.Single(peer.Responses);
        Assert.Equal(420, response.StatusCode);
        Assert.Equal(["100rel", "foo"], response.Unsupported);
    }
}
