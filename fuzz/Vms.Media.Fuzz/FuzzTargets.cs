using Vms.Media.Rtcp;
using Vms.Media.Rtp;
using Vms.Media.Sdp;
using Vms.Media.Wav;

namespace Vms.Media.Fuzz;

/// <summary>The parsers under fuzzing; each must return a result for any input, never throw.</summary>
internal static class FuzzTargets
{
    public static void Run(string target, Stream input)
    {
        using var buffer = new MemoryStream();
        input.CopyTo(buffer);
        var bytes = buffer.ToArray();
        switch (target)
        {
            case "sdp":
                var sdp = SdpParser.Parse(bytes);
                if (sdp.Description is { } description)
                {
                    _ = SdpWriter.Write(description);
                }

                break;
            case "rtp":
                if (RtpHeader.TryParse(bytes, out var header) == RtpParseStatus.Ok)
                {
                    _ = header.GetPayload(bytes).Length;
                }

                _ = RtcpParser.TryParse(bytes, out _);
                break;
            default:
                var wav = WavReader.Read(bytes);
                if (wav.File is { } file)
                {
                    _ = file.ToMonoPcm16();
                }

                break;
        }
    }
}
