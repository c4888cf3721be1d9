using System.Net;

namespace Vms.Server.Features.Calls.Trunks;

/// <summary>Classifies the source address of an INVITE against the configured trunks (CIDR match, no DNS).</summary>
internal sealed class TrunkDirectory
{
    private readonly List<(IPNetwork Network, TrunkMatch Match)> _entries = [];

    public TrunkDirectory(TrunkOptions options)
    {
        foreach (var peer in options.TrustedPeers)
        {
            if (TryNetwork(peer, out var network))
            {
                _entries.Add((network, new TrunkMatch(TrunkKind.Network, peer, null)));
            }
        }

        foreach (var pbx in options.PbxTrunks)
        {
            if (TryNetwork(pbx.Address, out var network))
            {
                // A PBX is more specific than a network range: checked first.
                _entries.Insert(0, (network, new TrunkMatch(TrunkKind.CustomerPbx, pbx.Name, pbx.CustomerId)));
            }
        }
    }

    public TrunkMatch Classify(IPAddress source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.IsIPv4MappedToIPv6)
        {
            source = source.MapToIPv4();
        }

        foreach (var (network, match) in _entries)
        {
            if (network.Contains(source))
            {
                return match;
            }
        }

        return new TrunkMatch(TrunkKind.Unknown, "", null);
    }

    private static bool TryNetwork(string text, out IPNetwork network)
    {
        if (IPNetwork.TryParse(text, out network))
        {
            return true;
        }

        if (IPAddress.TryParse(text, out var address))
        {
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return false;
    }
}
