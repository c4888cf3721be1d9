using Vms.Media.Codecs;
using Vms.Media.Dtmf;

namespace Vms.Media.Tests.Dtmf;

public class DtmfToneDetectorTests
{
    private static readonly Dictionary<char, (double Low, double High)> Tones = new()
    {
        ['1'] = (697, 1209), ['2'] = (697, 1336), ['3'] = (697, 1477), ['A'] = (697, 1633),
        ['4'] = (770, 1209), ['5'] = (770, 1336), ['6'] = (770, 1477), ['B'] = (770, 1633),
        ['7'] = (852, 1209), ['8'] = (852, 1336), ['9'] = (852, 1477), ['C'] = (852, 1633),
        ['*'] = (941, 1209), ['0'] = (941, 1336), ['#'] = (941, 1477), ['D'] = (941, 1633),
    };

    [Fact]
    public void Process_AllSixteenKeysThroughUlaw_EachDetectedOnce()
    {
        var detector = new DtmfToneDetector();
        var got = new List<char>();
        detector.DigitDetected += got.Add;
        foreach (var key in Tones.Keys)
        {
            detector.Process(ThroughG711(Tone(key, 100, 6000)));
            detector.Process(new short[800]);
        }

        Assert.Equal(string.Concat(Tones.Keys), new string([.. got]));
    }

    [Fact]
    public void Process_SingleTone_NotADigit()
    {
        var detector = new DtmfToneDetector();
        var got = new List<char>();
        detector.DigitDetected += got.Add;
        detector.Process(Sine(1000, 8000, 400));
        detector.Process(Sine(697, 8000, 400));
        Assert.Empty(got);
    }

    [Fact]
    public void Process_WhiteNoise_NoDigit()
    {
        var random = new Random(7);
        var noise = new short[16000];
        for (var i = 0; i < noise.Length; i++)
        {
            noise[i] = (short)random.Next(-8000, 8000);
        }

        var detector = new DtmfToneDetector();
        var got = new List<char>();
        detector.DigitDetected += got.Add;
        detector.Process(noise);
        Assert.Empty(got);
    }

    [Fact]
    public void Process_TooShortTone_NotReported()
    {
        var detector = new DtmfToneDetector();
        var got = new List<char>();
        detector.DigitDetected += got.Add;
        detector.Process(Tone('5', 20, 6000));
        detector.Process(new short[800]);
        Assert.Empty(got);
    }

    internal static short[] Tone(char key, int milliseconds, double amplitude)
    {
        var (low, high) = Tones[key];
        var n = milliseconds * 8;
        var result = new short[n];
        for (var i = 0; i < n; i++)
        {
            result[i] = (short)((amplitude * Math.Sin(2 * Math.PI * low * i / 8000)) + (amplitude * Math.Sin(2 * Math.PI * high * i / 8000)));
        }

        return result;
    }

    private static short[] Sine(double frequency, double amplitude, int milliseconds)
    {
        var result = new short[milliseconds * 8];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (short)(amplitude * Math.Sin(2 * Math.PI * frequency * i / 8000));
        }

        return result;
    }

    private static short[] ThroughG711(short[] samples)
    {
        var codes = new byte[samples.Length];
        G711.Encode(G711Law.Ulaw, samples, codes);
        var back = new short[samples.Length];
        G711.Decode(G711Law.Ulaw, codes, back);
        return back;
    }
}
