using System.Net;
using System.Net.Sockets;
using Vms.Sip.Messages;

namespace Vms.Sip.Tests.Messages;

[Trait("rfc", "5118")]
public sealed class Rfc5118Tests
{
    public static TheoryData<string> AcceptedFiles() =>
    [
        "ipv6-good.dat", "port-ambiguous.dat", "port-unambiguous.dat", "via-received-param-with-delim.dat",
        "via-received-param-no-delim.dat", "ipv6-in-sdp.dat", "mult-ip-in-header.dat", "mult-ip-in-sdp.dat",
        "ipv4-mapped-ipv6.dat", "ipv6-bug-abnf-3-colons.dat", "ipv6-correct-abnf-2-colons.dat",
    ];

    [Theory]
    [MemberData(nameof(AcceptedFiles))]
    public void Parse_Rfc5118WireMessage_AcceptedWithIPv6Recovered(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestData.Folder("rfc5118"), "wire", file));

        var result = SipParser.Parse(bytes.AsSpan());

        Assert.Equal(SipParseStatus.Complete, result.Status);
        var request = Assert.IsType<SipRequest>(result.Message);
        Assert.True(request.TryGetRequestUri(out var uri, out var error), error);
        Assert.NotNull(request.Via);
        Assert.NotNull(request.Via.Branch);
        Assert.True(uri!.Address is null || uri.Address.AddressFamily is AddressFamily.InterNetworkV6 or AddressFamily.InterNetwork);
        Assert.Equal(result.Message!.ContentLength ?? 0, request.Body.Length);
    }

    [Fact]
    public void Parse_Ipv6Bad_RequestUriRejected()
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestData.Folder("rfc5118"), "wire", "ipv6-bad.dat"));

        var request = (SipRequest)SipParser.Parse(bytes.AsSpan()).Message!;

        Assert.False(request.TryGetRequestUri(out _, out _));
    }

    [Fact]
    public void Parse_PortAmbiguous_OneAddressNoPort()
    {
        var request = Load("port-ambiguous.dat");

        Assert.Equal(IPAddress.Parse("2001:db8::10:5070"), request.RequestUri!.Address);
        Assert.Null(request.RequestUri.Port);
    }

    [Fact]
    public void Parse_PortUnambiguous_AddressAndPort()
    {
        var request = Load("port-unambiguous.dat");

        Assert.Equal(IPAddress.Parse("2001:db8::10"), request.RequestUri!.Address);
        Assert.Equal(5070, request.RequestUri.Port);
    }

    [Theory]
    [InlineData("via-received-param-with-delim.dat")]
    [InlineData("via-received-param-no-delim.dat")]
    public void Parse_ViaReceivedIPv6_ReceivedAndBranchRead(string file)
    {
        var via = Load(file).Via!;

        Assert.Equal(IPAddress.Parse("2001:db8::9:255"), IPAddress.Parse(via.Received!));
        Assert.StartsWith("z9hG4bK", via.Branch, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ThreeColons_ToleratedAsTwoColonForm()
    {
        var request = Load("ipv6-bug-abnf-3-colons.dat");

        Assert.Equal(IPAddress.Parse("2001:db8::192.0.2.1"), request.RequestUri!.Address);
    }

    [Fact]
    public void Parse_MultipleVias_MixedFamilies()
    {
        var vias = Load("mult-ip-in-header.dat").Vias;

        Assert.True(vias.Count >= 3);
        Assert.Equal(6050, vias[0].Port);
    }

    [Fact]
    public void Parse_ArchiveLfOnlyForms_NeverThrow()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(TestData.Folder("rfc5118"), "archive")))
        {
            var result = SipParser.Parse(File.ReadAllBytes(file).AsSpan());
            Assert.True(result.Status is SipParseStatus.Complete or SipParseStatus.Malformed, file);
            _ = result.Message?.Via;
            _ = (result.Message as SipRequest)?.RequestUri;
        }
    }

    private static SipRequest Load(string file) =>
        (SipRequest)SipParser.Parse(File.ReadAllBytes(Path.Combine(TestData.Folder("rfc5118"), "wire", file)).AsSpan()).Message!;
}
