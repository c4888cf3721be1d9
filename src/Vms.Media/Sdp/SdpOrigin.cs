namespace Vms.Media.Sdp;

/// <summary>
/// The <c>o=</c> line (RFC 4566 §5.2). Session id and version are kept as text: real ids exceed 2^53 and
/// sometimes 2^64.
/// </summary>
public sealed record SdpOrigin(string Username, string SessionId, string SessionVersion, string NetworkType, string AddressType, string Address)
{
    /// <inheritdoc />
    public override string ToString() => $"{Username} {SessionId} {SessionVersion} {NetworkType} {AddressType} {Address}";
}
