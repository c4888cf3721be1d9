using System.Collections.Concurrent;
using System.Globalization;
using Vms.Sip.Auth;
using Vms.Sip.Messages;
using Vms.Sip.Uris;

namespace Vms.Sip.Registrar;

/// <summary>
/// A registrar (RFC 3261 §10.3) for agents' phones: digest authentication (optional), bindings per address of
/// record with expiry on the injected clock, <c>Contact: *</c> removal, 423 below the minimum.
/// </summary>
public sealed class SipRegistrar
{
    private readonly ConcurrentDictionary<string, List<SipBinding>> _bindings = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly DigestAuthenticator? _authenticator;

    /// <summary>Creates a registrar; without an authenticator every REGISTER is accepted.</summary>
    public SipRegistrar(SipRegistrarOptions? options = null, DigestAuthenticator? authenticator = null, TimeProvider? time = null)
    {
        Options = options ?? new SipRegistrarOptions();
        _authenticator = authenticator;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The options.</summary>
    public SipRegistrarOptions Options { get; }

    /// <summary>The key of an address of record: <c>sip:user@host</c> with the host in lower case.</summary>
    public static string AddressOfRecord(SipUri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return (uri.Scheme == SipUriScheme.Sips ? "sips:" : "sip:") + uri.UnescapedUser + "@" + uri.Host.ToUpperInvariant();
    }

    /// <summary>The current (unexpired) bindings of an address of record.</summary>
    public IReadOnlyList<SipBinding> Lookup(SipUri addressOfRecord)
    {
        if (!_bindings.TryGetValue(AddressOfRecord(addressOfRecord), out var list))
        {
            return [];
        }

        var now = _time.GetUtcNow();
        lock (list)
        {
            list.RemoveAll(b => b.ExpiresAt <= now);
            return list.ToArray();
        }
    }

    /// <summary>Answers a REGISTER.</summary>
    public Task HandleAsync(SipIncomingRequest incoming)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var request = incoming.Request;
        if (request.Method != SipMethods.Register)
        {
            return incoming.RespondAsync(405);
        }

        if (_authenticator is not null)
        {
            var verdict = _authenticator.Verify(request, out _);
            if (verdict != DigestVerdict.Accepted)
            {
                var challenge = incoming.CreateResponse(verdict == DigestVerdict.Rejected && request.Headers.Contains(HeaderKind.Authorization) ? 403 : 401);
                if (challenge.StatusCode == 401)
                {
                    _authenticator.AddChallenges(challenge, verdict == DigestVerdict.Stale);
                }

                return incoming.RespondAsync(challenge);
            }
        }

        if (request.To?.Uri is not { } aorUri)
        {
            return incoming.RespondAsync(400, "Bad Request (To)");
        }

        var key = AddressOfRecord(aorUri);
        var now = _time.GetUtcNow();
        var list = _bindings.GetOrAdd(key, _ => []);
        var contacts = request.Contacts;
        lock (list)
        {
            list.RemoveAll(b => b.ExpiresAt <= now);
            if (contacts.Any(c => c.IsWildcard))
            {
                if (contacts.Count != 1 || request.Expires != 0)
                {
                    return incoming.RespondAsync(400, "Bad Request (wildcard)");
                }

                list.Clear();
            }
            else
            {
                foreach (var contact in contacts)
                {
                    var seconds = int.TryParse(contact.Parameters.Get("expires"), NumberStyles.None, CultureInfo.InvariantCulture, out var e)
                        ? e
                        : request.Expires ?? (int)Options.DefaultExpires.TotalSeconds;
                    list.RemoveAll(b => b.Contact.Uri.Equals(contact.Uri));
                    if (seconds == 0)
                    {
                        continue;
                    }

                    if (seconds < Options.MinExpires.TotalSeconds)
                    {
                        var tooBrief = incoming.CreateResponse(423);
                        tooBrief.Headers.Add(HeaderKind.MinExpires, ((int)Options.MinExpires.TotalSeconds).ToString(CultureInfo.InvariantCulture));
                        return incoming.RespondAsync(tooBrief);
                    }

                    var granted = Math.Min(seconds, (int)Options.MaxExpires.TotalSeconds);
                    list.Add(new SipBinding(new NameAddress(contact.Uri, contact.DisplayName, contact.Parameters.Without("expires")),
                        now.AddSeconds(granted), request.CallId ?? string.Empty, request.CSeq?.Number ?? 0));
                }
            }

            var ok = incoming.CreateResponse(200);
            foreach (var b in list)
            {
                var remaining = (int)Math.Ceiling((b.ExpiresAt - now).TotalSeconds);
                ok.Headers.Add(HeaderKind.Contact, b.Contact.WithParameter("expires", remaining.ToString(CultureInfo.InvariantCulture)).ToString());
            }

            return incoming.RespondAsync(ok);
        }
    }
}
