namespace Vms.Sip.Auth;

/// <summary>The outcome of checking a request's digest credentials.</summary>
public enum DigestVerdict
{
    /// <summary>Valid credentials.</summary>
    Accepted,

    /// <summary>No credentials for this realm (answer with a challenge).</summary>
    Missing,

    /// <summary>The nonce expired (challenge again with stale=true).</summary>
    Stale,

    /// <summary>Wrong password, unknown user, foreign nonce, replayed nonce count, wrong uri or algorithm.</summary>
    Rejected,
}
