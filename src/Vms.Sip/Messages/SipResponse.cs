namespace Vms.Sip.Messages;

/// <summary>A SIP response.</summary>
public sealed class SipResponse : SipMessage
{
    /// <summary>Creates a response.</summary>
    public SipResponse(int statusCode, string? reasonPhrase = null, SipHeaders? headers = null, ReadOnlyMemory<byte> body = default)
        : base(headers ?? new SipHeaders(), body)
    {
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase ?? SipStatus.ReasonPhrase(statusCode);
    }

    /// <summary>The status code (100-699).</summary>
    public int StatusCode { get; }

    /// <summary>The reason phrase.</summary>
    public string ReasonPhrase { get; }

    /// <inheritdoc/>
    public override bool IsRequest => false;

    /// <summary>True for 1xx.</summary>
    public bool IsProvisional => StatusCode < 200;

    /// <summary>True for 2xx.</summary>
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>True for 200-699.</summary>
    public bool IsFinal => StatusCode >= 200;

    /// <summary>
    /// Creates a response to a request (RFC 3261 §8.2.6): Via, From, To, Call-ID and CSeq copied; a To tag is added
    /// when <paramref name="toTag"/> is given and the request has none; Record-Route copied for 18x/2xx to dialog-creating requests.
    /// </summary>
    public static SipResponse CreateFor(SipRequest request, int statusCode, string? reasonPhrase = null, string? toTag = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = new SipResponse(statusCode, reasonPhrase);
        foreach (var field in request.Headers)
        {
            switch (field.Kind)
            {
                case HeaderKind.Via:
                case HeaderKind.From:
                case HeaderKind.CallId:
                case HeaderKind.CSeq:
                    response.Headers.Add(field);
                    break;
                case HeaderKind.To:
                    if (toTag is not null && statusCode > 100 && request.To is { Tag: null } to)
                    {
                        response.Headers.Add(HeaderKind.To, to.WithTag(toTag).ToString());
                    }
                    else
                    {
                        response.Headers.Add(field);
                    }

                    break;
                case HeaderKind.RecordRoute when statusCode is > 100 and < 300:
                    response.Headers.Add(field);
                    break;
                default:
                    break;
            }
        }

        return response;
    }
}
