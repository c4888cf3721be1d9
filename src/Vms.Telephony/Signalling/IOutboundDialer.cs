namespace Vms.Telephony.Signalling;

/// <summary>Places outgoing INVITEs (through the outbound gateway).</summary>
public interface IOutboundDialer
{
    IOutboundSession Dial(DialRequest request);
}
