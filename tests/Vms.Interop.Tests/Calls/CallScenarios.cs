namespace Vms.Interop.Tests.Calls;

/// <summary>SIPp scenarios for calls through VMS, written to the test's temp folder.</summary>
internal static class CallScenarios
{
    /// <summary>A caller whose INVITE ends with a final error (the code replaces @CODE@), acknowledged.</summary>
    public const string UacExpectingError = """
    <?xml version="1.0" encoding="ISO-8859-1" ?>
    <scenario name="uac expecting an error">
      <send retrans="500"><![CDATA[
    INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
    Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
    From: sipp <sip:+32475000001@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
    To: <sip:[service]@[remote_ip]:[remote_port]>
    Call-ID: [call_id]
    CSeq: 1 INVITE
    Contact: sip:sipp@[local_ip]:[local_port]
    Max-Forwards: 70
    Content-Type: application/sdp
    Content-Length: [len]

    v=0
    o=user1 53655765 2353687637 IN IP[local_ip_type] [local_ip]
    s=-
    c=IN IP[media_ip_type] [media_ip]
    t=0 0
    m=audio [media_port] RTP/AVP 0
    a=rtpmap:0 PCMU/8000

      ]]></send>
      <recv response="100" optional="true"/>
      <recv response="180" optional="true"/>
      <recv response="183" optional="true"/>
      <recv response="@CODE@"/>
      <send><![CDATA[
    ACK sip:[service]@[remote_ip]:[remote_port] SIP/2.0
    [last_Via:]
    [last_From:]
    [last_To:]
    Call-ID: [call_id]
    CSeq: 1 ACK
    Max-Forwards: 70
    Content-Length: 0

      ]]></send>
    </scenario>
    """;

    /// <summary>A destination that is busy.</summary>
    public const string UasBusy = """
    <?xml version="1.0" encoding="ISO-8859-1" ?>
    <scenario name="uas busy">
      <recv request="INVITE"/>
      <send><![CDATA[
    SIP/2.0 486 Busy Here
    [last_Via:]
    [last_From:]
    [last_To:];tag=[pid]SIPpTag01[call_number]
    [last_Call-ID:]
    [last_CSeq:]
    Content-Length: 0

      ]]></send>
      <recv request="ACK"/>
    </scenario>
    """;

    /// <summary>A destination that rings until VMS cancels.</summary>
    public const string UasNoAnswer = """
    <?xml version="1.0" encoding="ISO-8859-1" ?>
    <scenario name="uas no answer">
      <recv request="INVITE"/>
      <send><![CDATA[
    SIP/2.0 180 Ringing
    [last_Via:]
    [last_From:]
    [last_To:];tag=[pid]SIPpTag01[call_number]
    [last_Call-ID:]
    [last_CSeq:]
    Contact: <sip:[local_ip]:[local_port];transport=[transport]>
    Content-Length: 0

      ]]></send>
      <recv request="CANCEL"/>
      <send><![CDATA[
    SIP/2.0 200 OK
    [last_Via:]
    [last_From:]
    [last_To:];tag=[pid]SIPpTag01[call_number]
    [last_Call-ID:]
    [last_CSeq:]
    Content-Length: 0

      ]]></send>
      <send><![CDATA[
    SIP/2.0 487 Request Terminated
    [last_Via:]
    [last_From:]
    [last_To:];tag=[pid]SIPpTag01[call_number]
    [last_Call-ID:]
    CSeq: 1 INVITE
    Content-Length: 0

      ]]></send>
      <recv request="ACK"/>
    </scenario>
    """;

    public static string Write(string folder, string name, string xml)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, xml);
        return path;
    }
}
