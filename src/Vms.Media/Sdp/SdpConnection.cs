using System.Net;

namespace Vms.Media.Sdp;

/// <summary>
/// A <c>c=</c> line (RFC 4566 §5.7). <see cref="Address"/> is the text as received (it may carry a
/// multicast <c>/ttl</c>); <see cref="IpAddress"/> is set when the address type is IP4 or IP6 and the
/// address parses as a unicast or multicast literal of that family.
/// </summary>
public sealed record SdpConnection(string NetworkType, string AddressType, string Address)
{
    /// <summary>The parsed address, or null when it is a host name, an unknown type or not parseable.</summary>
    public IPAddress? IpAddress
    {
        get
        {
            var slash = Address.IndexOf('/', StringComparison.Ordinal);
            var text = slash < 0 ? Address : Address[..slash];
            if (!IPAddress.TryParse(text, out var ip))
            {
                return null;
            }

            var family = ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "IP6" : "IP4";
            return string.Equals(family, AddressType, StringComparison.OrdinalIgnoreCase) ? ip : null;
        }
    }

    /// <summary>True for the RFC 2543 hold address 0.0.0.0 (or ::).</summary>
    public bool IsUnspecified => IpAddress is { } ip && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any));

    /// <summary>Creates the connection line for an address.</summary>
    public static SdpConnection For(IPAddress address) =>
        new("IN", address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "IP6" : "IP4", address.ToString());

    /// <inheritdoc />
    public override string ToString() => $"{NetworkType} {AddressType} {Address}";
}
