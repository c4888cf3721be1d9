using System.Net;

namespace Vms.NetSim;

/// <summary>Where the simulated network listens, where VMS is, and how each destination number behaves.</summary>
public sealed class NetSimOptions
{
    public IPEndPoint Listen { get; set; } = new(IPAddress.Loopback, 5080);

    public IPEndPoint Vms { get; set; } = new(IPAddress.Loopback, 5060);

    public int RtpMinPort { get; set; } = 30000;

    public int RtpMaxPort { get; set; } = 30999;

    /// <summary>Behaviour per destination number (E.164); others use <see cref="DefaultBehaviour"/>.</summary>
    public IDictionary<string, PhoneBehaviour> Phones { get; } = new Dictionary<string, PhoneBehaviour>(StringComparer.Ordinal);

    public PhoneBehaviour DefaultBehaviour { get; set; } = PhoneBehaviour.Answering();
}
