using System.Globalization;
using System.Net.Sockets;

namespace Vms.Interop.Tests.Infrastructure;

/// <summary>Starts Kamailio on 127.0.0.1 with a config generated from deploy/kamailio templates into a temp folder.</summary>
public static class Kamailio
{
    private const string ModuleFolder = "/usr/lib/x86_64-linux-gnu/kamailio/modules";

    /// <summary>
    /// Starts Kamailio and waits until its UDP port answers. One worker by default: with several, a 180 and the 200
    /// right behind it can be forwarded out of order, which SIPp's built-in UAC aborts on.
    /// </summary>
    public static async Task<ExternalProcess> StartAsync(TempFolder folder, string template, int port, IReadOnlyDictionary<string, string> values, int children = 1)
    {
        var kamailio = Tools.Require("kamailio", "kamailio");
        var text = await File.ReadAllTextAsync(Path.Combine(Tools.RepositoryRoot(), "deploy", "kamailio", template));
        var all = new Dictionary<string, string>(values)
        {
            ["PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["MODULES"] = ModuleFolder,
            ["CHILDREN"] = children.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in all)
        {
            text = text.Replace("@" + key + "@", value, StringComparison.Ordinal);
        }

        var config = Path.Combine(folder.Path, "kamailio.cfg");
        await File.WriteAllTextAsync(config, text);
        var process = ExternalProcess.Start(kamailio,
            ["-f", config, "-DD", "-E", "-m", "64", "-M", "8", "-Y", folder.Path, "-P", Path.Combine(folder.Path, "kamailio.pid")], folder.Path);
        await WaitForTcpAsync(port, process);
        return process;
    }

    private static async Task WaitForTcpAsync(int port, ExternalProcess process)
    {
        for (var i = 0; i < 100; i++)
        {
            if (!process.IsRunning)
            {
                throw new InvalidOperationException("Kamailio exited:\n" + process.Output);
            }

            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException("Kamailio did not start listening:\n" + process.Output);
    }
}
