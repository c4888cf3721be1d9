using System.Text;

namespace Vms.Sip.Benchmarks;

/// <summary>A typical ~900-byte INVITE with SDP and its 200 OK.</summary>
public static class SampleMessages
{
    private const string Sdp =
        "v=0\r\n" +
        "o=- 3724394400 3724394400 IN IP4 192.0.2.10\r\n" +
        "s=-\r\n" +
        "c=IN IP4 192.0.2.10\r\n" +
        "t=0 0\r\n" +
        "m=audio 49170 RTP/AVP 8 0 101\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-16\r\n" +
        "a=ptime:20\r\n" +
        "a=sendrecv\r\n";

    public static readonly byte[] Invite = Encoding.ASCII.GetBytes(
        "INVITE sip:+3225551234@vms.example.com:5060;user=phone SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "From: \"Trunk Caller\" <sip:+3226667788@trunk.example.net>;tag=1928301774\r\n" +
        "To: <sip:+3225551234@vms.example.com>\r\n" +
        "Call-ID: a84b4c76e66710@pc33.trunk.example.net\r\n" +
        "CSeq: 314159 INVITE\r\n" +
        "Contact: <sip:+3226667788@192.0.2.10:5060;transport=udp>\r\n" +
        "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, UPDATE, INFO, NOTIFY\r\n" +
        "Supported: timer, replaces\r\n" +
        "Session-Expires: 1800\r\n" +
        "P-Asserted-Identity: <sip:+3226667788@trunk.example.net>\r\n" +
        "User-Agent: ExampleTrunk/1.0\r\n" +
        "Content-Type: application/sdp\r\n" +
        "Content-Length: " + Sdp.Length + "\r\n" +
        "\r\n" + Sdp);

    public static readonly byte[] Ok = Encoding.ASCII.GetBytes(
        "SIP/2.0 200 OK\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport=5060;received=192.0.2.10\r\n" +
        "From: \"Trunk Caller\" <sip:+3226667788@trunk.example.net>;tag=1928301774\r\n" +
        "To: <sip:+3225551234@vms.example.com>;tag=a6c85cf\r\n" +
        "Call-ID: a84b4c76e66710@pc33.trunk.example.net\r\n" +
        "CSeq: 314159 INVITE\r\n" +
        "Contact: <sip:vms@198.51.100.5:5060>\r\n" +
        "Server: VMS\r\n" +
        "Content-Length: 0\r\n\r\n");
}
