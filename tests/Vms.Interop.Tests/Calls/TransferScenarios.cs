namespace Vms.Interop.Tests.Calls;

/// <summary>SIPp scenarios for blind transfer (RFC 3515) through VMS, written with <see cref="CallScenarios.Write"/>.</summary>
internal static class TransferScenarios
{
    /// <summary>
    /// The destination that transfers: answers VMS's INVITE, sends REFER (Refer-To @TARGET@) in the dialog, expects
    /// 202, answers the NOTIFYs "SIP/2.0 100" then "SIP/2.0 200" (Subscription-State: terminated) and gets VMS's BYE.
    /// </summary>
    public const string UasTransferor = """
    <?xml version="1.0" encoding="ISO-8859-1" ?>
    <scenario name="transferor">
      <recv request="INVITE">
        <action>
          <ereg regexp=".*" search_in="hdr" header="From:" check_it="true" assign_to="remote_from"/>
          <ereg regexp=".*" search_in="hdr" header="To:" check_it="true" assign_to="local_to"/>
          <ereg regexp="sip:[^>;]*" search_in="hdr" header="Contact:" check_it="true" assign_to="remote_contact"/>
        </action>
      </recv>
      <send><![CDATA[
    SIP/2.0 200 OK
    [last_Via:]
    [last_From:]
    [last_To:];tag=[pid]SIPpTag01[call_number]
    [last_Call-ID:]
    [last_CSeq:]
    Contact: <sip:[local_ip]:[local_port];transport=[transport]>
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
      <recv request="ACK"/>
      <pause milliseconds="1000"/>
      <send retrans="500"><![CDATA[
    REFER [$remote_contact] SIP/2.0
    Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
    From: [$local_to];tag=[pid]SIPpTag01[call_number]
    To: [$remote_from]
    Call-ID: [call_id]
    CSeq: 1 REFER
    Contact: <sip:[local_ip]:[local_port];transport=[transport]>
    Max-Forwards: 70
    Refer-To: <@TARGET@>
    Referred-By: [$local_to]
    Content-Length: 0

      ]]></send>
      <recv response="202"/>
      <recv request="NOTIFY">
        <action>
          <ereg regexp="^SIP/2.0 100" search_in="body" check_it="true" assign_to="trying"/>
          <ereg regexp="refer" search_in="hdr" header="Event:" check_it="true" assign_to="event"/>
        </action>
      </recv>
      <send><![CDATA[
    SIP/2.0 200 OK
    [last_Via:]
    [last_From:]
    [last_To:]
    [last_Call-ID:]
    [last_CSeq:]
    Subject: [$trying] [$event]
    Content-Length: 0

      ]]></send>
      <recv request="NOTIFY">
        <action>
          <ereg regexp="^SIP/2.0 200" search_in="body" check_it="true" assign_to="ok"/>
          <ereg regexp="terminated" search_in="hdr" header="Subscription-State:" check_it="true" assign_to="terminated"/>
        </action>
      </recv>
      <send><![CDATA[
    SIP/2.0 200 OK
    [last_Via:]
    [last_From:]
    [last_To:]
    [last_Call-ID:]
    [last_CSeq:]
    Subject: [$ok] [$terminated]
    Content-Length: 0

      ]]></send>
      <recv request="BYE"/>
      <send><![CDATA[
    SIP/2.0 200 OK
    [last_Via:]
    [last_From:]
    [last_To:]
    [last_Call-ID:]
    [last_CSeq:]
    Content-Length: 0

      ]]></send>
    </scenario>
    """;

    /// <summary>
    /// The caller that transfers: calls [service], sends REFER (Refer-To @TARGET@) in its dialog, expects 202, answers
    /// the NOTIFYs "SIP/2.0 100" then "SIP/2.0 200" and gets VMS's BYE.
    /// </summary>
    public const string UacTransferor = """
    <?xml version="1.0" encoding="ISO-8859-1" ?>
    <scenario name="transferring caller">
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
      <recv response="200">
        <action>
          <ereg regexp=".*" search_in="hdr" header="To:" check_it="true" assign_to="remote_to"/>
        </action>
      </recv>
      <send><![CDATA[
    ACK sip:[service]@[remote_ip]:[remote_port] SIP/2.0
    Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
    From: sipp <sip:+32475000001@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
    To: [$remote_to]
    Call-ID: [call_id]
    CSeq: 1 ACK
    Max-Forwards: 70
    Content-Length: 0

      ]]></send>
      <pause milliseconds="1000"/>
      <send retrans="500"><![CDATA[
    REFER sip:[service]@[remote_ip]:[remote_port] SIP/2.0
    Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
    From: sipp <sip:+32475000001@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
    To: [$remote_to]
    Call-ID: [call_id]
    CSeq: 2 REFER
    Contact: sip:sipp@[local_ip]:[local_port]
    Max-Forwards: 70
    Refer-To: <@TARGET@>
    Content-Length: 0

      ]]></send>
      <recv response="202"/>
      <recv request="NOTIFY">
        <action>
          <ereg regexp="^SIP/2.0 100" search_in="body" check_it="true" assign_to="trying"/>
        </action>
      </recv>
      <send><![CDATA[
    SIP/2.0 200 OK
    [last_Via:]
    [last_From:]
    [last_To:]
    [last_Call-ID:]
    [last_CSeq:]
    Subject: [$trying]
    Content-Length: 0

      ]]></send>
      <recv request="NOTIFY">
        <action>
          <ereg regexp="^SIP/2.0 200" search_in="body" check_it="true" assign_to="ok"/>
        </action>
      </recv>
      <send><![CDATA[
    SIP/2.0 200 OK
    [last_Via:]
    [last_From:]
    [last_To:]
    [last_Call-ID:]
    [last_CSeq:]
    Subject: [$ok]
    Content-Length: 0

      ]]></send>
      <recv request="BYE"/>
      <send><![CDATA[
    SIP/2.0 200 OK
    [last_Via:]
    [last_From:]
    [last_To:]
    [last_Call-ID:]
    [last_CSeq:]
    Content-Length: 0

      ]]></send>
    </scenario>
    """;

    /// <summary>A destination that answers, talks 1 s and hangs up with BYE.</summary>
    public const string UasAnswersThenHangsUp = """
    <?xml version="1.0" encoding="ISO-8859-1" ?>
    <scenario name="answers then hangs up">
      <recv request="INVITE">
        <action>
          <ereg regexp=".*" search_in="hdr" header="From:" check_it="true" assign_to="remote_from"/>
          <ereg regexp=".*" search_in="hdr" header="To:" check_it="true" assign_to="local_to"/>
          <ereg regexp="sip:[^>;]*" search_in="hdr" header="Contact:" check_it="true" assign_to="remote_contact"/>
        </action>
      </recv>
      <send><![CDATA[
    SIP/2.0 200 OK
    [last_Via:]
    [last_From:]
    [last_To:];tag=[pid]SIPpTag01[call_number]
    [last_Call-ID:]
    [last_CSeq:]
    Contact: <sip:[local_ip]:[local_port];transport=[transport]>
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
      <recv request="ACK"/>
      <pause milliseconds="1000"/>
      <send retrans="500"><![CDATA[
    BYE [$remote_contact] SIP/2.0
    Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
    From: [$local_to];tag=[pid]SIPpTag01[call_number]
    To: [$remote_from]
    Call-ID: [call_id]
    CSeq: 1 BYE
    Max-Forwards: 70
    Content-Length: 0

      ]]></send>
      <recv response="200"/>
    </scenario>
    """;
}
