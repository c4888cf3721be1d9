namespace Vms.Interop.Tests.Calls;

/// <summary>SIPp scenarios for the gateway's digest challenge and the overload guard (written with <see cref="CallScenarios.Write"/>).</summary>
internal static class GuardScenarios
{
    /// <summary>
    /// The outbound gateway: challenges the first INVITE (@CODE@ with @CHALLENGE@), checks the second one's credentials
    /// (@CHECK@) and answers it 200 when valid — else 403 and the scenario fails — then waits for the BYE.
    /// </summary>
    public const string UasGatewayChallenge = """
    <?xml version="1.0" encoding="ISO-8859-1" ?>
    <scenario name="gateway challenging">
      <recv request="INVITE"/>
      <send><![CDATA[
    SIP/2.0 @CODE@ Authentication Required
    [last_Via:]
    [last_From:]
    [last_To:];tag=[pid]SIPpTag01[call_number]
    [last_Call-ID:]
    [last_CSeq:]
    @CHALLENGE@: Digest realm="gw.test", nonce="[pid]nonce[call_number]", algorithm=MD5
    Content-Length: 0

      ]]></send>
      <recv request="ACK"/>
      <recv request="INVITE">
        <action>
          @CHECK@
        </action>
      </recv>
      <nop hide="true" test="authvalid" next="good"/>
      <send><![CDATA[
    SIP/2.0 403 Forbidden (bad digest)
    [last_Via:]
    [last_From:]
    [last_To:];tag=[pid]SIPpTag02[call_number]
    [last_Call-ID:]
    [last_CSeq:]
    Content-Length: 0

      ]]></send>
      <recv request="ACK"/>
      <recv request="BADDIGEST" timeout="100"/>
      <label id="good"/>
      <send><![CDATA[
    SIP/2.0 200 OK
    [last_Via:]
    [last_From:]
    [last_To:];tag=[pid]SIPpTag02[call_number]
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

    /// <summary>401: SIPp recomputes the digest of Authorization with the password (verifyauth reads only Authorization).</summary>
    public static string UasGateway401 => UasGatewayChallenge
        .Replace("@CODE@", "401", StringComparison.Ordinal)
        .Replace("@CHALLENGE@", "WWW-Authenticate", StringComparison.Ordinal)
        .Replace("@CHECK@", "<verifyauth assign_to=\"authvalid\" username=\"vms\" password=\"s3cret\"/>", StringComparison.Ordinal);

    /// <summary>407: SIPp cannot verify Proxy-Authorization, so its fields are checked (user, realm, nonce echoed, a response).</summary>
    public static string UasGateway407 => UasGatewayChallenge
        .Replace("@CODE@", "407", StringComparison.Ordinal)
        .Replace("@CHALLENGE@", "Proxy-Authenticate", StringComparison.Ordinal)
        .Replace("@CHECK@", """<ereg regexp="Digest username=&quot;vms&quot;, realm=&quot;gw.test&quot;, nonce=&quot;[0-9]+nonce[0-9]+&quot;, uri=&quot;[^&quot;]+&quot;, response=&quot;[0-9a-f]{32}&quot;" search_in="hdr" header="Proxy-Authorization:" check_it="false" assign_to="authvalid"/>""", StringComparison.Ordinal);

    /// <summary>A caller refused with 503 that must carry Retry-After.</summary>
    public const string Uac503WithRetryAfter = """
    <?xml version="1.0" encoding="ISO-8859-1" ?>
    <scenario name="uac expecting 503 with Retry-After">
      <send retrans="500"><![CDATA[
    INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
    Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
    From: sipp <sip:+32475000009@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
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
      <recv response="503">
        <action>
          <ereg regexp="[0-9]+" search_in="hdr" header="Retry-After:" check_it="true" assign_to="retry"/>
        </action>
      </recv>
      <send><![CDATA[
    ACK sip:[service]@[remote_ip]:[remote_port] SIP/2.0
    [last_Via:]
    [last_From:]
    [last_To:]
    Call-ID: [call_id]
    CSeq: 1 ACK
    Max-Forwards: 70
    Subject: retry after [$retry]
    Content-Length: 0

      ]]></send>
    </scenario>
    """;
}
