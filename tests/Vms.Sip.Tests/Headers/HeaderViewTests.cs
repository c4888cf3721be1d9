using System.Text;
using Vms.Sip.Headers;
using Vms.Sip.Messages;

namespace Vms.Sip.Tests.Headers;

[Trait("rfc", "3261-20")]
public sealed class HeaderViewTests
{
    private static SipMessage Parse(string headers) =>
        SipParser.Parse(Encoding.UTF8.GetBytes("INVITE sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n" + headers + "\r\n").AsSpan()).Message!;

    [Fact]
    public void Via_ReceivedAndRport_Read()
    {
        var via = Parse("v: SIP / 2.0 / udp 192.0.2.1:5070;received=198.51.100.1;rport=6000;branch=z9hG4bKabc\r\n").Vias[1];

        Assert.Equal("UDP", via.Transport);
        Assert.Equal("192.0.2.1", via.Host);
        Assert.Equal(5070, via.Port);
        Assert.Equal("198.51.100.1", via.Received);
        Assert.Equal(6000, via.RPort);
        Assert.True(via.IsRfc3261Branch);
    }

    [Fact]
    public void Contact_StarAndExpires_Read()
    {
        var m = Parse("Contact: *\r\nExpires: 0\r\n");

        Assert.True(Assert.Single(m.Contacts).IsWildcard);
        Assert.Equal(0, m.Expires);
    }

    [Fact]
    public void Contact_SeveralWithParameters_SplitOutsideQuotes()
    {
        var contacts = Parse("m: \"A, B\" <sip:a@h>;expires=60;q=0.5, <sip:b@h>\r\n").Contacts;

        Assert.Equal(2, contacts.Count);
        Assert.Equal("A, B", contacts[0].DisplayName);
        Assert.Equal("60", contacts[0].Parameters.Get("expires"));
        Assert.Equal("b", contacts[1].Uri.User);
    }

    [Fact]
    public void RouteAndRecordRoute_Ordered()
    {
        var m = Parse("Route: <sip:p1;lr>, <sip:p2;lr>\r\nRecord-Route: <sip:p3;lr>\r\nRoute: <sip:p4;lr>\r\n");

        Assert.Equal(["p1", "p2", "p4"], m.Routes.Select(r => r.Uri.Host));
        Assert.True(m.RecordRoutes[0].Uri.IsLooseRouting);
    }

    [Fact]
    public void OptionTags_AllowSupportedRequireUnsupportedProxyRequire()
    {
        var m = Parse("Allow: INVITE, ACK,BYE\r\nk: timer\r\nRequire: 100rel\r\nUnsupported: foo\r\nProxy-Require: bar\r\n");

        Assert.Equal(["INVITE", "ACK", "BYE"], m.Allow);
        Assert.Equal(["timer"], m.Supported);
        Assert.Equal(["100rel"], m.Require);
        Assert.Equal(["foo"], m.Unsupported);
        Assert.Equal(["bar"], m.ProxyRequire);
    }

    [Fact]
    public void IdentityAndForwarding_PaiPrivacyDiversionHistoryInfoReason()
    {
        var m = Parse("P-Asserted-Identity: \"Alice\" <sip:+3222@trunk>, <tel:+3222>\r\nPrivacy: id;header\r\n" +
            "Diversion: <sip:+3233@vms>;reason=no-answer;counter=1\r\nHistory-Info: <sip:a@b>;index=1, <sip:c@d?Reason=SIP%3Bcause%3D302>;index=1.1\r\n" +
            "Reason: Q.850;cause=16;text=\"Normal call clearing\"\r\n");

        Assert.Equal(2, m.PAssertedIdentities.Count);
        Assert.Equal(Vms.Sip.Uris.SipUriScheme.Tel, m.PAssertedIdentities[1].Uri.Scheme);
        Assert.Equal(["id", "header"], m.Privacy);
        Assert.Equal("no-answer", Assert.Single(m.Diversions).Parameters.Get("reason"));
        Assert.Equal("1.1", m.HistoryInfo[1].Parameters.Get("index"));
        Assert.Equal(new SipReason("Q.850", 16, "Normal call clearing"), Assert.Single(m.Reasons));
    }

    [Fact]
    public void AuthenticateHeaders_ParsedAsDigest()
    {
        var m = Parse("WWW-Authenticate: Digest realm=\"vms, test\", nonce=\"abc\", algorithm=SHA-256, qop=\"auth,auth-int\"\r\n");

        Assert.True(Vms.Sip.Auth.DigestChallenge.TryParse(m.Headers.GetFirst(HeaderKind.WwwAuthenticate)!, out var c));
        Assert.Equal("vms, test", c!.Realm);
        Assert.Equal("SHA-256", c.Algorithm);
        Assert.Equal("auth,auth-int", c.Qop);
    }

    [Fact]
    public void Headers_UnknownNameCaseInsensitive_FoundAndKept()
    {
        var m = Parse("x-Vendor-Thing: Some;Value=1\r\n");

        Assert.Equal("Some;Value=1", m.Headers.Get("X-VENDOR-THING"));
        Assert.Equal("x-Vendor-Thing", m.Headers[1].NameText);
    }

    [Fact]
    public void Views_AfterHeaderChange_ReflectNewValue()
    {
        var m = Parse("Call-ID: one\r\n");
        Assert.Equal("one", m.CallId);

        m.Headers.Set(HeaderKind.CallId, "two");

        Assert.Equal("two", m.CallId);
    }
}
