using System.Text;
using Vms.Sip.Uris;

namespace Vms.Sip.Messages;

/// <summary>A SIP request. The Request-URI of a parsed request is kept as bytes and parsed when first asked for.</summary>
public sealed class SipRequest : SipMessage
{
    private ReadOnlyMemory<byte> _uriBytes;
    private SipUri? _uri;

    /// <summary>Creates a request to send.</summary>
    public SipRequest(string method, SipUri requestUri, SipHeaders? headers = null, ReadOnlyMemory<byte> body = default)
        : base(headers ?? new SipHeaders(), body)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(requestUri);
        Method = method;
        _uri = requestUri;
    }

    internal SipRequest(string method, ReadOnlyMemory<byte> uriBytes, SipHeaders headers, ReadOnlyMemory<byte> body)
        : base(headers, body)
    {
        Method = method;
        _uriBytes = uriBytes;
    }

    /// <summary>The method.</summary>
    public string Method { get; }

    /// <inheritdoc/>
    public override bool IsRequest => true;

    /// <summary>The Request-URI bytes as received (or as they will be written).</summary>
    public ReadOnlyMemory<byte> RequestUriBytes => _uri is null ? _uriBytes : Encoding.UTF8.GetBytes(_uri.ToString());

    /// <summary>The Request-URI; null only when a received one cannot be parsed (see <see cref="TryGetRequestUri"/>).</summary>
    public SipUri? RequestUri
    {
        get
        {
            if (_uri is null && SipUri.TryParse(_uriBytes.Span, out var uri, out _))
            {
                _uri = uri;
            }

            return _uri;
        }

        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _uri = value;
        }
    }

    /// <summary>Parses the Request-URI, with the reason when it is unreadable.</summary>
    public bool TryGetRequestUri(out SipUri? uri, out string? error)
    {
        if (_uri is not null)
        {
            uri = _uri;
            error = null;
            return true;
        }

        return SipUri.TryParse(_uriBytes.Span, out uri, out error);
    }

    /// <summary>A deep-enough copy: headers are copied (their bytes are immutable and shared).</summary>
    public SipRequest Clone() => _uri is null
        ? new SipRequest(Method, _uriBytes, Headers.Clone(), Body)
        : new SipRequest(Method, _uri, Headers.Clone(), Body);
}
