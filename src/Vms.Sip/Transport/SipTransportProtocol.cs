namespace Vms.Sip.Transport;

/// <summary>The transport protocols of the stack.</summary>
public enum SipTransportProtocol
{
    /// <summary>UDP (unreliable: transactions retransmit).</summary>
    Udp,

    /// <summary>TCP (reliable, stream framed by Content-Length).</summary>
    Tcp,
}
