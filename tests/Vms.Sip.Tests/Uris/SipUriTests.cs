using Vms.Sip.Uris;

namespace Vms.Sip.Tests.Uris;

[Trait("rfc", "3261-19.1")]
public sealed class SipUriTests
{
    [Theory]
    [InlineData("sip:%61lice@atlanta.com;transport=TCP", "sip:alice@AtLanTa.CoM;Transport=tcp")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com;newparam=5")]
    [InlineData("sip:carol@chicago.com;security=on", "sip:carol@chicago.com;newparam=5")]
    [InlineData("sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com", "sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com")]
    [InlineData("sip:alice@atlanta.com?subject=project%20x&priority=urgent", "sip:alice@atlanta.com?priority=urgent&subject=project%20x")]
    [InlineData("sip:alice@[2001:db8::1]", "sip:alice@[2001:DB8:0::1]")]
    public void Equals_Rfc3261EquivalentUris_AreEqual(string a, string b) => Assert.Equal(SipUri.Parse(a), SipUri.Parse(b));

    [Theory]
    [InlineData("SIP:ALICE@AtLanTa.CoM;Transport=udp", "sip:alice@AtLanTa.CoM;Transport=UDP")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com:5060")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com;transport=udp")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com:6000;transport=tcp")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com?Subject=next%20meeting")]
    [InlineData("sip:bob@phone21.boxesbybob.com", "sip:bob@192.0.2.4")]
    [InlineData("sip:carol@chicago.com;security=on", "sip:carol@chicago.com;security=off")]
    public void Equals_Rfc3261DifferentUris_AreNotEqual(string a, string b) => Assert.NotEqual(SipUri.Parse(a), SipUri.Parse(b));

    [Fact]
    public void Parse_FullUri_AllParts()
    {
        var uri = SipUri.Parse("sips:alice:secret@[2001:db8::10]:5071;transport=tcp;lr?subject=hi");

        Assert.Equal(SipUriScheme.Sips, uri.Scheme);
        Assert.Equal("alice", uri.User);
        Assert.Equal("secret", uri.Password);
        Assert.Equal("2001:db8::10", uri.Host);
        Assert.True(uri.IsIPv6);
        Assert.Equal(5071, uri.Port);
        Assert.Equal("tcp", uri.Transport);
        Assert.True(uri.IsLooseRouting);
        Assert.Equal("hi", uri.Headers.Get("subject"));
    }

    [Fact]
    public void ToString_BuiltIPv6_KeepsBrackets()
    {
        var uri = new SipUri(SipUriScheme.Sip, "bob", "2001:db8::1", 5060).WithParameter("transport", "udp");

        Assert.Equal("sip:bob@[2001:db8::1]:5060;transport=udp", uri.ToString());
    }

    [Fact]
    public void Parse_TelUri_NumberAndParameters()
    {
        var uri = SipUri.Parse("tel:+32-2-555-1234;phone-context=example.com");

        Assert.Equal(SipUriScheme.Tel, uri.Scheme);
        Assert.Equal("+32-2-555-1234", uri.User);
        Assert.Equal("example.com", uri.Parameters.Get("phone-context"));
    }

    [Theory]
    [InlineData("sip:2001:db8::10")]
    [InlineData("sip:alice@host:99999")]
    [InlineData("sip:alice@")]
    [InlineData("sip:%zzalice@host")]
    [InlineData("sip:alice@[2001:db8::1")]
    [InlineData("http://example.com")]
    [InlineData("sip:al ice@host")]
    [InlineData("")]
    public void TryParse_Invalid_FalseWithReason(string text)
    {
        Assert.False(SipUri.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void UnescapedUser_PercentEscapes_Decoded() =>
        Assert.Equal("a b@c", SipUri.Parse("sip:a%20b%40c@host").UnescapedUser);

    [Theory]
    [InlineData("\"Bob \\\"B\\\"\" <sip:bob@x>;tag=1", "Bob \"B\"", "1")]
    [InlineData("Bob Smith <sip:bob@x>", "Bob Smith", null)]
    [InlineData("sip:bob@x;tag=abc", null, "abc")]
    [InlineData("<sip:bob@x;transport=tcp>;expires=60", null, null)]
    public void NameAddress_Forms_DisplayNameAndTag(string text, string? display, string? tag)
    {
        var na = NameAddress.Parse(text);

        Assert.Equal(display, na.DisplayName);
        Assert.Equal(tag, na.Tag);
        Assert.Equal("bob", na.Uri.User);
    }

    [Fact]
    public void NameAddress_AddrSpecParams_AreHeaderParamsNotUriParams()
    {
        var na = NameAddress.Parse("sip:bob@x;expires=30");

        Assert.Equal("30", na.Parameters.Get("expires"));
        Assert.Empty(na.Uri.Parameters);
    }

    [Fact]
    public void NameAddress_Wildcard_Recognised() => Assert.True(NameAddress.Parse(" * ").IsWildcard);
}
