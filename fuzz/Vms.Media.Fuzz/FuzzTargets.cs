using System.Net;
using Vms.Media.Codecs;
using Vms.Media.Dtmf;
using Vms.Media.Playback;
using Vms.Media.Rtcp;
using Vms.Media.Rtp;
using Vms.Media.Sdp;
using Vms.Media.Wav;

namespace Vms.Media.Fuzz;

/// <summary>The parsers under fuzzing; each must return a result for any input, never throw.</summary>
internal static class FuzzTargets
{
    private static readonly SdpLocalMedia Local = new(IPAddress.Loopback, 20000, [G711Law.Alaw, G711Law.Ulaw]);

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
                    var answer = OfferAnswer.CreateAnswer(description, Local);
                    if (answer.LocalDescription is { } local)
                    {
                        _ = SdpWriter.Write(local);
                    }

                    _ = OfferAnswer.ProcessAnswer(OfferAnswer.CreateOffer(Local), bytes);
                }

                break;
            case "rtp":
                if (RtpHeader.TryParse(bytes, out var header) == RtpParseStatus.Ok)
                {
                    // The same bytes as a telephone-event packet, repeated at growing times (end-of-event timeout).
                    var receiver = new DtmfEventReceiver();
                    receiver.Receive(header, header.GetPayload(bytes), 0);
                    receiver.Receive(header, header.GetPayload(bytes), TimeSpan.TicksPerSecond);
                    receiver.Poll(2 * TimeSpan.TicksPerSecond);
                }

                _ = RtcpParser.TryParse(bytes, out _);
                break;
            default:
                var wav = WavReader.Read(bytes);
                _ = Ob2Validator.Validate(bytes);
                if (wav.File is { } file)
                {
                    _ = file.ToMonoPcm16();
                    _ = PromptCache.FromWav("fuzz", file); // resampled to 8 kHz whatever the rate
                }

                break;
        }
    }
}
