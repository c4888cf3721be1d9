using Vms.Sip.Auth;
using Vms.Sip.Messages;
using Vms.Sip.Registrar;
using Vms.Sip.Uris;

namespace Vms.Sip.Tests.Auth;

[Trait("rfc", "3261-10.3")]
public sealed class RegistrarTests
{
    [Fact]
    public async Task Register_WithDigest_ChallengedThenBoundAndExpires()
    {
        await using var bed = new SipTestBed();
        var auth = new DigestAuthenticator(new DigestServerOptions { Realm = "vms.test" }, u => u == "agent1" ? "pw" : null, bed.Time);
        var registrar = new SipRegistrar(new SipRegistrarOptions(), auth, bed.Time);
        bed.Uas.RequestHandler = registrar.HandleAsync;
        bed.Uac.CredentialsProvider = (_, realm) => realm == "vms.test" ? new SipCredentials("agent1", "pw") : null;
        var register = Register("<sip:agent1@127.0.0.1:5061>;expires=120", bed);

        var response = await bed.Uac.SendRequestAsync(register);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(1, bed.Count("SIP/2.0 401"));
        var binding = Assert.Single(registrar.Lookup(SipUri.Parse("sip:agent1@127.0.0.1")));
        Assert.Equal(5061, binding.Contact.Uri.Port);
        Assert.Equal("120", response.Contact!.Parameters.Get("expires"));
        bed.Time.Advance(TimeSpan.FromSeconds(121));
        Assert.Empty(registrar.Lookup(SipUri.Parse("sip:agent1@127.0.0.1")));
    }

    [Fact]
    public async Task Register_WrongPassword_403()
    {
        await using var bed = new SipTestBed();
        var auth = new DigestAuthenticator(new DigestServerOptions(), _ => "pw", bed.Time);
        bed.Uas.RequestHandler = new SipRegistrar(null, auth, bed.Time).HandleAsync;
        bed.Uac.CredentialsProvider = (_, _) => new SipCredentials("agent1", "bad");

        var response = await bed.Uac.SendRequestAsync(Register("<sip:agent1@127.0.0.1:5061>", bed));

        Assert.Equal(403, response.StatusCode);
    }

    [Fact]
    public async Task Register_TooBrief_423WithMinExpires()
    {
        await using var bed = new SipTestBed();
        bed.Uas.RequestHandler = new SipRegistrar(null, null, bed.Time).HandleAsync;

        var response = await bed.Uac.SendRequestAsync(Register("<sip:agent1@127.0.0.1:5061>;expires=10", bed));

        Assert.Equal(423, response.StatusCode);
        Assert.Equal("60", response.Headers.GetFirst(HeaderKind.MinExpires));
    }

    [Fact]
    public async Task Register_WildcardExpires0_RemovesAllBindings()
    {
        await using var bed = new SipTestBed();
        var registrar = new SipRegistrar(null, null, bed.Time);
        bed.Uas.RequestHandler = registrar.HandleAsync;
        await bed.Uac.SendRequestAsync(Register("<sip:a@127.0.0.1:1>, <sip:a@127.0.0.1:2>", bed));
        Assert.Equal(2, registrar.Lookup(SipUri.Parse("sip:agent1@127.0.0.1")).Count);

        var clear = Register("*", bed);
        clear.Headers.Set(HeaderKind.Expires, "0");
        var response = await bed.Uac.SendRequestAsync(clear);

        Assert.Equal(200, response.StatusCode);
        Assert.Empty(registrar.Lookup(SipUri.Parse("sip:agent1@127.0.0.1")));
    }

    private static SipRequest Register(string contact, SipTestBed bed)
    {
        var aor = NameAddress.Parse("<sip:agent1@127.0.0.1>");
        var request = bed.Uac.CreateRequest(SipMethods.Register, SipUri.Parse("sip:127.0.0.1:5062"), aor, aor);
        request.Headers.Set(HeaderKind.Contact, contact);
        return request;
    }
}
