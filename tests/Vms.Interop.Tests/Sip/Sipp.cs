using Vms.Interop.Tests.Infrastructure;

namespace Vms.Interop.Tests.Sip;

/// <summary>Runs SIPp (Debian sip-tester) on loopback.</summary>
internal static class Sipp
{
    public static ExternalProcess Start(TempFolder folder, int localPort, IEnumerable<string> arguments)
    {
        var sipp = Tools.Require("sipp", "sip-tester");
        string[] common = ["-i", "127.0.0.1", "-p", localPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "-nostdin", "-trace_err"];
        return ExternalProcess.Start(sipp, common.Concat(arguments), folder.Path);
    }

    public static string Describe(ExternalProcess process, TempFolder folder)
    {
        var logs = Directory.GetFiles(folder.Path, "*.log").Select(f => Path.GetFileName(f) + ":\n" + Tail(File.ReadAllText(f)));
        return "SIPp output:\n" + Tail(process.Output) + "\n" + string.Join("\n", logs);
    }

    public static string ScenarioPath(string name) => Path.Combine(AppContext.BaseDirectory, "Sip", "Scenarios", name);

    private static string Tail(string text) => text.Length > 3000 ? text[^3000..] : text;
}
