using Vms.Sip.Uris;

namespace Vms.Sip.Registrar;

/// <summary>One registered contact of an address of record.</summary>
/// <param name="Contact">The contact (URI with header parameters).</param>
/// <param name="ExpiresAt">When it expires.</param>
/// <param name="CallId">The Call-ID of the REGISTER that made it.</param>
/// <param name="CSeq">The CSeq number of that REGISTER.</param>
public sealed record SipBinding(NameAddress Contact, DateTimeOffset ExpiresAt, string CallId, uint CSeq);
