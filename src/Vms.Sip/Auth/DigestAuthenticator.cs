using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Vms.Sip.Messages;

namespace Vms.Sip.Auth;

/// <summary>
/// UAS/registrar side of digest authentication: stateless signed nonces with an expiry, nonce-count replay
/// protection, one challenge per algorithm (RFC 8760).
/// </summary>
public sealed class DigestAuthenticator
{
    private readonly byte[] _secret = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, long> _nonceCounts = new(StringComparer.Ordinal);
    private readonly Func<string, string?> _passwordOf;
    private readonly TimeProvider _time;

    /// <summary>Creates an authenticator; <paramref name="passwordOf"/> returns the password of a user or null when unknown.</summary>
    public DigestAuthenticator(DigestServerOptions options, Func<string, string?> passwordOf, TimeProvider? time = null)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        _passwordOf = passwordOf ?? throw new ArgumentNullException(nameof(passwordOf));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The options.</summary>
    public DigestServerOptions Options { get; }

    /// <summary>Adds challenges (401 WWW-Authenticate or 407 Proxy-Authenticate) to a response.</summary>
    public void AddChallenges(SipResponse response, bool stale = false)
    {
        ArgumentNullException.ThrowIfNull(response);
        var kind = response.StatusCode == 407 ? HeaderKind.ProxyAuthenticate : HeaderKind.WwwAuthenticate;
        var nonce = NewNonce();
        foreach (var algorithm in Options.Algorithms)
        {
            response.Headers.Add(kind, new DigestChallenge(Options.Realm, nonce, algorithm, "auth", null, stale).ToString());
        }
    }

    /// <summary>Checks Authorization (or Proxy-Authorization when <paramref name="proxy"/>) of a request.</summary>
    public DigestVerdict Verify(SipRequest request, out string? username, bool proxy = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        username = null;
        var kind = proxy ? HeaderKind.ProxyAuthorization : HeaderKind.Authorization;
        DigestCredentials? credentials = null;
        foreach (var field in request.Headers)
        {
            if (field.Kind == kind && DigestCredentials.TryParse(field.ValueText, out var c) && c!.Realm == Options.Realm)
            {
                credentials = c;
                break;
            }
        }

        if (credentials is null)
        {
            return DigestVerdict.Missing;
        }

        if (!Options.Algorithms.Contains(credentials.Algorithm, StringComparer.OrdinalIgnoreCase)
            || !string.Equals(credentials.Uri, request.RequestUri?.ToString(), StringComparison.Ordinal))
        {
            return DigestVerdict.Rejected;
        }

        var nonceState = CheckNonce(credentials.Nonce);
        if (nonceState != DigestVerdict.Accepted)
        {
            return nonceState;
        }

        var password = _passwordOf(credentials.Username);
        if (password is null)
        {
            return DigestVerdict.Rejected;
        }

        var expected = DigestCalculator.ComputeResponse(credentials.Algorithm, credentials.Username, credentials.Realm, password,
            request.Method, credentials.Uri, credentials.Nonce, credentials.Qop, credentials.NonceCount, credentials.ClientNonce);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(credentials.Response.ToLowerInvariant())))
        {
            return DigestVerdict.Rejected;
        }

        if (credentials.Qop is not null && !AcceptNonceCount(credentials.Nonce, credentials.NonceCount))
        {
            return DigestVerdict.Rejected;
        }

        username = credentials.Username;
        return DigestVerdict.Accepted;
    }

    private string NewNonce()
    {
        Span<byte> data = stackalloc byte[16 + 16];
        BinaryPrimitives.WriteInt64BigEndian(data, _time.GetUtcNow().ToUnixTimeMilliseconds());
        RandomNumberGenerator.Fill(data.Slice(8, 8));
        HMACSHA256.HashData(_secret, data[..16])[..16].CopyTo(data[16..]);
        return Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private DigestVerdict CheckNonce(string nonce)
    {
        var text = nonce.Replace('-', '+').Replace('_', '/');
        text += new string('=', (4 - (text.Length % 4)) % 4);
        Span<byte> data = stackalloc byte[48];
        if (!Convert.TryFromBase64String(text, data, out var written) || written != 32)
        {
            return DigestVerdict.Rejected;
        }

        var mac = HMACSHA256.HashData(_secret, data[..16]);
        if (!CryptographicOperations.FixedTimeEquals(mac.AsSpan(0, 16), data.Slice(16, 16)))
        {
            return DigestVerdict.Rejected;
        }

        var issued = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(data));
        return _time.GetUtcNow() - issued > Options.NonceLifetime ? DigestVerdict.Stale : DigestVerdict.Accepted;
    }

    private bool AcceptNonceCount(string nonce, string? nc)
    {
        if (!long.TryParse(nc, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var count) || count <= 0)
        {
            return false;
        }

        if (_nonceCounts.Count > 100_000)
        {
            _nonceCounts.Clear();
        }

        while (true)
        {
            if (!_nonceCounts.TryGetValue(nonce, out var last))
            {
                if (_nonceCounts.TryAdd(nonce, count))
                {
                    return true;
                }

                continue;
            }

            if (count <= last)
            {
                return false;
            }

            if (_nonceCounts.TryUpdate(nonce, count, last))
            {
                return true;
            }
        }
    }
}
