using System.Globalization;
using Vms.Interop.Tests.Infrastructure;
using Vms.Sip;
using Vms.Sip.Auth;
using Vms.Sip.Messages;

namespace Vms.Interop.Tests.Sip;

/// <summary>VMS challenges, SIPp answers with its [authentication] keyword.</summary>
public sealed class SippAuthTests
{
    [Fact]
    public async Task SippUac_AnswersVmsDigestChallenge_CallsAccepted()
    {
        using var folder = new TempFolder();
        await using var vms = new VmsPeer(FreePort.UdpAndTcp(), answer: false);
        var auth = new DigestAuthenticator(new DigestServerOptions { Realm = "vms.test", Algorithms = ["MD5"] }, u => u == "agent" ? "secret" : null);
        var challenged = 0;
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        vms.Endpoint.RequestHandler = async incoming =>
        {
            try
            {
            if (incoming.Request.Method == SipMethods.Invite && auth.Verify(incoming.Request, out _) != DigestVerdict.Accepted)
            {
                Interlocked.Increment(ref challenged);
                var challenge = incoming.CreateResponse(401);
                auth.AddChallenges(challenge);
                await incoming.RespondAsync(challenge);
                return;
            }

            await incoming.RespondAsync(200);
            }
            catch (Exception e)
            {
                errors.Enqueue(e.ToString());
                throw;
            }
        };
        const int Calls = 5;

        await using var sipp = Sipp.Start(folder, FreePort.UdpAndTcp(),
        [
            "-sf", Sipp.ScenarioPath("uac_digest.xml"), "-t", "u1", "-m", Calls.ToString(CultureInfo.InvariantCulture), "-r", "5",
            "-auth_uri", "vms@127.0.0.1:" + vms.Port.ToString(CultureInfo.InvariantCulture),
            "-timeout", "50", "-timeout_error", "-s", "vms", "127.0.0.1:" + vms.Port.ToString(CultureInfo.InvariantCulture),
        ]);
        var exit = await sipp.WaitForExitAsync(TimeSpan.FromSeconds(70));

        Assert.True(exit == 0, $"SIPp exit {exit}\n" + string.Join("\n", errors) + Sipp.Describe(sipp, folder));
        Assert.Equal(Calls, challenged);
    }
}
