using Microsoft.Extensions.DependencyInjection;
using Vms.Server.Features.Routing;
using Vms.Server.Tests.Support;

namespace Vms.Server.Tests.Routing;

/// <summary>The routing services built over the running app's own services (registered or not in Program.cs).</summary>
internal sealed class RoutingServices
{
    public RoutingServices(VmsApp app)
    {
        var access = ActivatorUtilities.CreateInstance<RoutingAccess>(app.Services);
        Trees = ActivatorUtilities.CreateInstance<RoutingTreeService>(app.Services, access);
        Publisher = ActivatorUtilities.CreateInstance<RoutingPublishService>(app.Services, access);
        Prompts = ActivatorUtilities.CreateInstance<PromptService>(app.Services, access);
        Lists = ActivatorUtilities.CreateInstance<CallerListService>(app.Services, access);
    }

    public RoutingTreeService Trees { get; }

    public RoutingPublishService Publisher { get; }

    public PromptService Prompts { get; }

    public CallerListService Lists { get; }

    public const string OfficeTree = """
    {
      "schemaVersion": 1, "root": "hours",
      "nodes": [
        { "id": "hours", "type": "time", "rules": [ { "label": "Office hours", "days": ["mon","tue","wed","thu","fri"], "from": "08:00", "to": "18:00", "next": "office" } ], "holiday": "closed", "otherwise": "closed" },
        { "id": "office", "type": "forward", "number": "02 234 56 78", "ringTimeoutSeconds": 20, "onBusy": "busyMsg", "onNoAnswer": "mobile", "onFailed": "mobile" },
        { "id": "mobile", "type": "forward", "number": "0475 12 34 56", "default": "closed" },
        { "id": "busyMsg", "type": "announcement", "prompt": "busy" },
        { "id": "closed", "type": "announcement", "prompt": "closed" }
      ]
    }
    """;

    /// <summary>A short 16 kHz stereo PCM WAV (converted on upload to 8 kHz mono).</summary>
    public static byte[] Wav()
    {
        using var stream = new MemoryStream();
        using (var writer = new Vms.Media.Wav.WavWriter(stream, new Vms.Media.Wav.WavFormat(1, Vms.Media.Wav.WavEncoding.Pcm, 2, 16000, 16, 4), ownsStream: false))
        {
            writer.Write(new byte[16000 * 4 / 2]); // half a second of silence
        }

        return stream.ToArray();
    }
}
