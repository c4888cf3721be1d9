using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Vms.Sip.Auth;
using Vms.Sip.Messages;
using Vms.Sip.Uris;

namespace Vms.Sip.Tests.Auth;

[Trait("rfc", "7616")]
public sealed class DigestTests
{
    public static TheoryData<string> VectorIds() => ["rfc2617-3.5-md5", "rfc7616-3.9.1-md5", "rfc7616-3.9.1-sha256"];

    [Theory]
    [MemberData(nameof(VectorIds))]
    public void ComputeResponse_DigestAuthVectors_MatchExpected(string id)
    {
        var v = LoadVector(id);

        var response = DigestCalculator.ComputeResponse(v.GetProperty("algorithm").GetString()!, v.GetProperty("username").GetString()!,
            v.GetProperty("realm").GetString()!, v.GetProperty("password").GetString()!, v.GetProperty("method").GetString()!,
            v.GetProperty("uri").GetString()!, v.GetProperty("nonce").GetString()!, v.GetProperty("qop").GetString(),
            v.GetProperty("nc").GetString(), v.GetProperty("cnonce").GetString());

        Assert.Equal(v.GetProperty("expected_response").GetString(), response);
    }

    [Fact]
    public void IsSupported_Sha512_256_NotOfferedNorAnswered() => Assert.False(DigestCalculator.IsSupported("SHA-512-256"));

    [Fact]
    public void Verify_AnsweredChallenge_AcceptedOnceThenReplayRejected()
    {
        var (auth, _, request) = Setup();
        var challenge = Challenge(auth, request);
        var retry = DigestClient.CreateAuthorizedRequest(request, challenge, new SipCredentials("alice", "secret"))!;

        Assert.Equal(DigestVerdict.Accepted, auth.Verify(retry, out var user));
        Assert.Equal("alice", user);
        Assert.Equal(DigestVerdict.Rejected, auth.Verify(retry, out _));
        Assert.Equal(2u, retry.CSeq!.Value.Number);
        Assert.Contains("algorithm=SHA-256", retry.Headers.GetFirst(HeaderKind.Authorization), StringComparison.Ordinal);
    }

    [Fact]
    public void AddChallenges_TwoAlgorithms_OneHeaderEachPreferredFirst()
    {
        var (auth, _, request) = Setup();

        var challenge = Challenge(auth, request);

        var values = challenge.Headers.Where(h => h.Kind == HeaderKind.WwwAuthenticate).Select(h => h.ValueText).ToList();
        Assert.Equal(2, values.Count);
        Assert.Contains("algorithm=SHA-256", values[0], StringComparison.Ordinal);
        Assert.Contains("algorithm=MD5", values[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WrongPassword_Rejected()
    {
        var (auth, _, request) = Setup();
        var retry = DigestClient.CreateAuthorizedRequest(request, Challenge(auth, request), new SipCredentials("alice", "wrong"))!;

        Assert.Equal(DigestVerdict.Rejected, auth.Verify(retry, out _));
    }

    [Fact]
    public void Verify_ExpiredNonce_Stale()
    {
        var (auth, time, request) = Setup();
        var retry = DigestClient.CreateAuthorizedRequest(request, Challenge(auth, request), new SipCredentials("alice", "secret"))!;

        time.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal(DigestVerdict.Stale, auth.Verify(retry, out _));
    }

    [Fact]
    public void Verify_UriDifferentFromRequestUri_Rejected()
    {
        var (auth, _, request) = Setup();
        var retry = DigestClient.CreateAuthorizedRequest(request, Challenge(auth, request), new SipCredentials("alice", "secret"))!;
        retry.RequestUri = SipUri.Parse("sip:other@127.0.0.1");

        Assert.Equal(DigestVerdict.Rejected, auth.Verify(retry, out _));
    }

    [Fact]
    public void Verify_ForeignNonce_Rejected()
    {
        var (auth, _, request) = Setup();
        var (other, _, _) = Setup();
        var retry = DigestClient.CreateAuthorizedRequest(request, Challenge(other, request), new SipCredentials("alice", "secret"))!;

        Assert.Equal(DigestVerdict.Rejected, auth.Verify(retry, out _));
    }

    [Fact]
    public void Verify_NoCredentials_Missing()
    {
        var (auth, _, request) = Setup();

        Assert.Equal(DigestVerdict.Missing, auth.Verify(request, out _));
    }

    [Fact]
    public void CreateAuthorizedRequest_OnlyUnknownAlgorithms_Null()
    {
        var (_, _, request) = Setup();
        var challenge = SipResponse.CreateFor(request, 401);
        challenge.Headers.Add(HeaderKind.WwwAuthenticate, "Digest realm=\"r\", nonce=\"n\", algorithm=SHA-512-256");

        Assert.Null(DigestClient.CreateAuthorizedRequest(request, challenge, new SipCredentials("a", "b")));
    }

    private static SipResponse Challenge(DigestAuthenticator auth, SipRequest request)
    {
        var response = SipResponse.CreateFor(request, 401);
        auth.AddChallenges(response);
        return response;
    }

    private static (DigestAuthenticator, FakeTimeProvider, SipRequest) Setup()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(50));
        var auth = new DigestAuthenticator(new DigestServerOptions { Realm = "vms.test" }, u => u == "alice" ? "secret" : null, time);
        var request = new SipRequest(SipMethods.Register, SipUri.Parse("sip:127.0.0.1"));
        request.Headers.Add(HeaderKind.Via, "SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bKx");
        request.Headers.Add(HeaderKind.From, "<sip:alice@127.0.0.1>;tag=1");
        request.Headers.Add(HeaderKind.To, "<sip:alice@127.0.0.1>");
        request.Headers.Add(HeaderKind.CallId, "c1");
        request.Headers.Add(HeaderKind.CSeq, "1 REGISTER");
        return (auth, time, request);
    }

    private static JsonElement LoadVector(string id)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestData.Folder("digest-auth"), "vectors.json")));
        return doc.RootElement.EnumerateArray().First(e => e.GetProperty("id").GetString() == id).Clone();
    }
}
