using System.Text;

namespace Vms.Sip.Tests.Messages;

/// <summary>Sample messages for parser tests and benchmarks.</summary>
internal static class SipMessages
{
    public const string Invite =
        "INVITE sip:bob@biloxi.example.com SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP client.atlanta.example.com:5060;branch=z9hG4bK74bf9\r\n" +
        "Max-Forwards: 70\r\n" +
        "From: Alice <sip:alice@atlanta.example.com>;tag=9fxced76sl\r\n" +
        "To: Bob <sip:bob@biloxi.example.com>\r\n" +
        "Call-ID: 3848276298220188511@atlanta.example.com\r\n" +
        "CSeq: 2 INVITE\r\n" +
        "Contact: <sip:alice@client.atlanta.example.com;transport=udp>\r\n" +
        "X-Custom:   keep  me   exactly\r\n" +
        "Content-Type: application/sdp\r\n" +
        "Content-Length: 10\r\n" +
        "\r\n" +
        "v=0\r\no=x\r\n";

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
