using Vms.Media.Wav;

namespace Vms.Media.Tests.Wav;

public class ResamplerTests
{
    [Fact]
    public void Process_1kHzFrom11025_KeepsAtLeast40DbSnr()
    {
        var input = Sine(1000, 11025, 11025, 16000);
        var output = new Resampler(11025, 8000).Process(input);
        Assert.Equal(8000, output.Length);
        Assert.True(Snr(output, 1000, 8000, 16000) >= 40, $"SNR {Snr(output, 1000, 8000, 16000):F1} dB");
    }

    [Fact]
    public void Process_3900HzAliasingTone_RemovedFrom8k()
    {
        // 4,500 Hz at 11,025 Hz would alias to 3,500 Hz at 8 kHz without the filter.
        var input = Sine(4500, 11025, 11025, 16000);
        var output = new Resampler(11025, 8000).Process(input);
        var rms = Math.Sqrt(output.Skip(200).Take(7600).Average(s => (double)s * s));
        Assert.True(rms < 16000 / Math.Sqrt(2) / 100, $"rms {rms:F0}"); // at least 40 dB down
    }

    [Theory]
    [InlineData(44100)]
    [InlineData(48000)]
    [InlineData(16000)]
    public void Process_1kHzFromCommonRates_KeepsAtLeast40DbSnr(int rate)
    {
        var output = new Resampler(rate, 8000).Process(Sine(1000, rate, rate, 16000));
        Assert.True(Snr(output, 1000, 8000, 16000) >= 40);
    }

    [Fact]
    public void Process_SameRate_Copies()
    {
        short[] input = [1, 2, 3];
        Assert.Equal(input, new Resampler(8000, 8000).Process(input));
    }

    internal static short[] Sine(double frequency, int rate, int count, double amplitude) =>
        [.. Enumerable.Range(0, count).Select(i => (short)Math.Round(amplitude * Math.Sin(2 * Math.PI * frequency * i / rate)))];

    // SNR against the best-fitting sine of the frequency (least squares on sin/cos), edges excluded.
    internal static double Snr(short[] signal, double frequency, int rate, double amplitude)
    {
        _ = amplitude;
        var from = 200;
        var to = signal.Length - 200;
        double ss = 0, sc = 0, cc = 0, xs = 0, xc = 0;
        for (var i = from; i < to; i++)
        {
            var s = Math.Sin(2 * Math.PI * frequency * i / rate);
            var c = Math.Cos(2 * Math.PI * frequency * i / rate);
            ss += s * s;
            cc += c * c;
            sc += s * c;
            xs += signal[i] * s;
            xc += signal[i] * c;
        }

        var det = (ss * cc) - (sc * sc);
        var a = ((xs * cc) - (xc * sc)) / det;
        var b = ((xc * ss) - (xs * sc)) / det;
        double signalPower = 0, noisePower = 0;
        for (var i = from; i < to; i++)
        {
            var fit = (a * Math.Sin(2 * Math.PI * frequency * i / rate)) + (b * Math.Cos(2 * Math.PI * frequency * i / rate));
            signalPower += fit * fit;
            noisePower += (signal[i] - fit) * (signal[i] - fit);
        }

        return 10 * Math.Log10(signalPower / Math.Max(noisePower, 1e-9));
    }
}
