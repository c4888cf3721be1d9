using System.Globalization;

namespace Vms.E2E.Tests.Infrastructure;

/// <summary>The settings a test server runs with: its own SQLite file and folder, the test's SMTP server.</summary>
internal static class PortalServerSettings
{
    public static IEnumerable<(string Key, string Value)> For(PortalServer server)
    {
        yield return ("Database:Provider", "Sqlite");
        yield return ("ConnectionStrings:Vms", $"Data Source={Path.Combine(server.DataDirectory, "vms.db")}");
        yield return ("Vms:DataDirectory", server.DataDirectory);
        yield return ("Vms:DemoMode", "false");
        yield return ("Vms:PortalUrl", "http://127.0.0.1/");
        yield return ("VMS_ADMIN_PASSWORD", PortalServer.AdminPassword);
        yield return ("Smtp:Host", "127.0.0.1");
        yield return ("Smtp:Port", server.Smtp.Port.ToString(CultureInfo.InvariantCulture));
        yield return ("Smtp:From", "VMS <no-reply@vms.test>");
        yield return ("Logging:LogLevel:Default", "Warning");

        // Telephony runs too: on free ports and in the test's folder, never the embedded defaults (5060).
        yield return ("Calls:SipPort", "0");
        yield return ("Calls:NetSim", "false");
        yield return ("Calls:PromptsFolder", Path.Combine(server.DataDirectory, "prompts"));
        yield return ("Calls:SnapshotFile", Path.Combine(server.DataDirectory, "routing-snapshot.json"));
        yield return ("Calls:Records:SpoolPath", Path.Combine(server.DataDirectory, "spool", "call-records.jsonl"));
    }
}
